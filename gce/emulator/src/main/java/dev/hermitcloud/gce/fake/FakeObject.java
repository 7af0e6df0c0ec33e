package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** One stored GCS object generation. Immutable; {@link #bytes()} returns a copy. */
public final class FakeObject {
  private final String bucket;
  private final String name;
  private final byte[] data;
  private final long generation;
  private final long metageneration;
  private final String contentType;
  private final Map<String, String> metadata;
  private final Instant created;
  private final String crc32c;
  private final String md5Hash;

  FakeObject(String bucket, String name, byte[] data, long generation, String contentType,
      Map<String, String> metadata) {
    this.bucket = bucket;
    this.name = name;
    this.data = data;
    this.generation = generation;
    this.metageneration = 1;
    this.contentType = contentType;
    this.metadata = Map.copyOf(metadata);
    this.created = Instant.now();
    this.crc32c = ObjectHashes.crc32c(data, data.length);
    this.md5Hash = ObjectHashes.md5(data, data.length);
  }

  public String bucket() {
    return bucket;
  }

  public String name() {
    return name;
  }

  /** A copy of the object's bytes. */
  public byte[] bytes() {
    return data.clone();
  }

  public long size() {
    return data.length;
  }

  public long generation() {
    return generation;
  }

  public long metageneration() {
    return metageneration;
  }

  public String contentType() {
    return contentType;
  }

  /** The custom {@code metadata} map. */
  public Map<String, String> metadata() {
    return metadata;
  }

  public String crc32c() {
    return crc32c;
  }

  public String md5Hash() {
    return md5Hash;
  }

  /** The stored bytes themselves, for the fake's own readers. */
  byte[] data() {
    return data;
  }

  /** The {@code storage#object} resource; {@code baseUrl} is where this fake serves media. */
  ObjectNode toJson(String baseUrl) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    ObjectNode o = Json.object();
    o.put("kind", "storage#object");
    o.put("id", bucket + "/" + name + "/" + generation);
    o.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + bucket + "/o/" + encoded);
    o.put("mediaLink", baseUrl + "/download/storage/v1/b/" + bucket + "/o/" + encoded
        + "?generation=" + generation + "&alt=media");
    o.put("name", name);
    o.put("bucket", bucket);
    GoogleJson.putInt64(o, "generation", generation);
    GoogleJson.putInt64(o, "metageneration", metageneration);
    o.put("contentType", contentType);
    o.put("storageClass", "STANDARD");
    GoogleJson.putInt64(o, "size", data.length);
    o.put("md5Hash", md5Hash);
    o.put("crc32c", crc32c);
    o.put("etag", "CL" + Long.toHexString(generation) + "EAE=");
    String time = GoogleJson.storageTime(created);
    o.put("timeCreated", time);
    o.put("updated", time);
    o.put("timeStorageClassUpdated", time);
    if (!metadata.isEmpty()) {
      ObjectNode m = o.putObject("metadata");
      metadata.forEach(m::put);
    }
    return o;
  }
}
