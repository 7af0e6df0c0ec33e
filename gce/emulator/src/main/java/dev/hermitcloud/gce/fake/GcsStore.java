package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets, their objects (bytes in memory) and open resumable upload sessions. Its monitor guards
 * all GCS state; it never calls into compute state, so compute may call it while locked.
 */
final class GcsStore {
  private record Bucket(String project, ObjectNode json, TreeMap<String, FakeObject> objects) {}

  private final Map<String, Bucket> buckets = new TreeMap<>();
  private final Map<String, ResumableSession> sessions = new ConcurrentHashMap<>();
  private final RequestStats stats;
  private long lastGeneration;

  GcsStore(RequestStats stats) {
    this.stats = stats;
  }

  /** Creates a bucket; 409 when the name is taken. Seeded buckets are not counted as creations. */
  synchronized ObjectNode createBucket(String name, String project, String location,
      boolean counted) {
    if (buckets.containsKey(name)) {
      throw ApiError.of(409, "conflict", "Your previous request to create the named"
          + " bucket succeeded and you already own it.");
    }
    Instant now = Instant.now();
    ObjectNode b = Json.object();
    b.put("kind", "storage#bucket");
    b.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + name);
    b.put("id", name);
    b.put("name", name);
    GoogleJson.putInt64(b, "projectNumber", Math.abs((long) project.hashCode()) + 100_000_000_000L);
    GoogleJson.putInt64(b, "metageneration", 1);
    String loc = location == null || location.isBlank() ? "US" : location.toUpperCase();
    b.put("location", loc);
    b.put("locationType", loc.contains("-") ? "region" : "multi-region");
    b.put("storageClass", "STANDARD");
    b.put("etag", "CAE=");
    b.put("timeCreated", GoogleJson.storageTime(now));
    b.put("updated", GoogleJson.storageTime(now));
    buckets.put(name, new Bucket(project, b, new TreeMap<>()));
    if (counted) {
      stats.created("bucket", name);
    }
    return b.deepCopy();
  }

  synchronized ObjectNode bucketJson(String name) {
    return bucket(name).json().deepCopy();
  }

  synchronized List<ObjectNode> bucketsOf(String project) {
    List<ObjectNode> out = new ArrayList<>();
    buckets.values().stream().filter(b -> b.project().equals(project))
        .forEach(b -> out.add(b.json().deepCopy()));
    return out;
  }

  synchronized List<String> bucketNames() {
    return List.copyOf(buckets.keySet());
  }

  synchronized void deleteBucket(String name) {
    if (!bucket(name).objects().isEmpty()) {
      throw ApiError.of(409, "conflict", "The bucket you tried to delete is not empty.");
    }
    buckets.remove(name);
  }

  /** The live object, or null; 404 when the bucket does not exist. */
  synchronized FakeObject object(String bucket, String name) {
    return bucket(bucket).objects().get(name);
  }

  /**
   * The object or a 404 naming it the way GCS does, also when the bucket is missing: object reads and
   * deletes do not tell a missing bucket apart (https://github.com/googleapis/nodejs-storage/issues/1183).
   */
  synchronized FakeObject requireObject(String bucket, String name) {
    FakeObject o = buckets.containsKey(bucket) ? object(bucket, name) : null;
    if (o == null) {
      throw ApiError.of(404, "notFound", "No such object: " + bucket + "/" + name);
    }
    return o;
  }

  /**
   * Stores a new generation after checking the preconditions (null for none) atomically. Only
   * client uploads count as creations, not seeded objects.
   */
  synchronized FakeObject put(String bucket, String name, byte[] data, String contentType,
      Map<String, String> metadata, GcsPreconditions preconditions, boolean counted) {
    Bucket b = bucket(bucket);
    if (preconditions != null) {
      preconditions.check(b.objects().get(name));
    }
    lastGeneration = Math.max(lastGeneration + 1, System.currentTimeMillis() * 1000);
    FakeObject o = new FakeObject(bucket, name, data,
        lastGeneration, contentType == null ? "application/octet-stream" : contentType, metadata);
    b.objects().put(name, o);
    if (counted) {
      stats.created("object", bucket + "/" + name);
    }
    return o;
  }

  synchronized void delete(String bucket, String name, GcsPreconditions preconditions) {
    FakeObject current = requireObject(bucket, name);
    preconditions.check(current);
    bucket(bucket).objects().remove(name);
  }

  /** Live objects whose names start with {@code prefix}, in name order. */
  synchronized List<FakeObject> list(String bucket, String prefix) {
    List<FakeObject> out = new ArrayList<>();
    for (FakeObject o : bucket(bucket).objects().values()) {
      if (prefix == null || o.name().startsWith(prefix)) {
        out.add(o);
      }
    }
    return out;
  }

  synchronized int objectCount() {
    return buckets.values().stream().mapToInt(b -> b.objects().size()).sum();
  }

  void addSession(ResumableSession session) {
    sessions.put(session.id(), session);
  }

  ResumableSession session(String id) {
    return id == null ? null : sessions.get(id);
  }

  private final java.util.Set<String> objectRolesOnly = new java.util.HashSet<>();

  synchronized void clear() {
    buckets.clear();
    sessions.clear();
  }

  /** Whether the principal may read the bucket's metadata ({@code storage.buckets.get}). */
  synchronized void requireBucketMetadataAccess(String name) {
    if (objectRolesOnly.contains(name)) {
      // the format of gcloud's output in https://github.com/meilisearch/cloud-providers/issues/58
      throw ApiError.of(403, "forbidden", "fake-principal@fake-project.iam.gserviceaccount.com does not have"
          + " storage.buckets.get access to the Google Cloud Storage bucket. Permission 'storage.buckets.get' denied"
          + " on resource (or it may not exist).");
    }
  }

  /** The principal holds only object roles (Storage Object Admin/User) on {@code name}: no {@code storage.buckets.*}. */
  synchronized void objectRolesOnly(String name) {
    objectRolesOnly.add(name);
  }

  private Bucket bucket(String name) {
    Bucket b = buckets.get(name);
    if (b == null) {
      throw ApiError.of(404, "notFound", "The specified bucket does not exist.");
    }
    return b;
  }
}
