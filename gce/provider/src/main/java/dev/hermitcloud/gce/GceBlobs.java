package dev.hermitcloud.gce;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.BlobSpec;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The disk archives in the target's bucket, {@code gs://<bucket>/<blob name>}, with the ownership marks
 * as object metadata. An archive is streamed from the image builder straight into a resumable upload
 * (no copy on disk); the client resumes from the committed offset after a dropped connection, and
 * {@code ifGenerationMatch=0} keeps a concurrent writer's object from being overwritten.
 */
final class GceBlobs implements ResourceDriver<BlobSpec> {
  private static final String CONTENT_TYPE = "application/gzip";

  private final GceClients clients;
  private final Gce target;

  GceBlobs(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  /** The https form Compute Engine imports from. */
  static String httpsUrl(String bucket, String object) {
    StringBuilder url = new StringBuilder("https://storage.googleapis.com/").append(bucket);
    for (String segment : object.split("/", -1)) {
      url.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.BLOB;
  }

  @Override
  public Optional<Observed> read(String name) {
    Blob blob = clients.storage.get(BlobId.of(target.bucket(), name));
    if (blob == null) {
      requireBucket(name);
      return Optional.empty();
    }
    return Optional.of(observe(blob));
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    // Every archive lives under the folder Names.blob puts it in; list only that.
    String sample = Names.blob("x");
    String prefix = sample.substring(0, sample.lastIndexOf('/') + 1);
    List<Observed> owned = new ArrayList<>();
    try {
      for (Blob blob : clients.storage.list(target.bucket(), Storage.BlobListOption.prefix(prefix)).iterateAll()) {
        Observed observed = observe(blob);
        if (observed.ownedBy(deployment)) {
          owned.add(observed);
        }
      }
    } catch (StorageException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // No bucket, no archives.
    }
    return owned;
  }

  @Override
  public Operation create(BlobSpec spec, CallContext context) throws Exception {
    if (target.bucketLocation().isPresent() && clients.storage.get(target.bucket()) == null) {
      createBucket();
    }
    DiskImage disk = DiskImage.of(spec.image().unikernel(), spec.image().diskGib());
    BlobInfo info = BlobInfo.newBuilder(target.bucket(), spec.name()).setContentType(CONTENT_TYPE)
        .setMetadata(context.ownership().toLabels()).build();
    String where = "gs://" + target.bucket() + "/" + spec.name();
    try {
      WriteChannel writer = clients.storage.writer(info, Storage.BlobWriteOption.doesNotExist(),
          Storage.BlobWriteOption.disableGzipContent());
      writer.setChunkSize(target.uploadChunkBytes());
      UploadStream out = new UploadStream(writer, target.uploadChunkBytes(), context);
      disk.writeGceArchive(out);
      // Only now: closing commits the object, and a failed stream must never commit a truncated archive.
      writer.close();
      out.finished();
    } catch (StorageException e) {
      if (e.getCode() == 412) {
        // ifGenerationMatch=0 refused: the object appeared meanwhile
        return alreadyUploaded(spec, disk, where);
      }
      throw e;
    }
    return Operation.completed("upload " + where);
  }

  /**
   * The object appeared while we uploaded (another writer, or our own earlier attempt): keep it if it
   * is ours and holds exactly this archive, by size and CRC32C.
   */
  private Operation alreadyUploaded(BlobSpec spec, DiskImage disk, String where) throws IOException, CloudException {
    Blob existing = clients.storage.get(BlobId.of(target.bucket(), spec.name()));
    if (existing == null) {
      throw new CloudException(503, where + " was reported to exist but cannot be read yet");
    }
    ArchiveChecksum expected = ArchiveChecksum.of(disk);
    boolean ours = Ownership.fromLabels(existing.getMetadata()).map(o -> o.ownedBy(spec.deployment())).orElse(false);
    if (ours && existing.getSize() != null && existing.getSize() == expected.size()
        && expected.crc32c().equals(existing.getCrc32c())) {
      return Operation.completed("keep " + where + " (same size and CRC32C)");
    }
    throw new CloudException(409, where + " already exists with other content or owner (size " + existing.getSize()
        + ", crc32c " + existing.getCrc32c() + "; expected " + expected.size() + ", " + expected.crc32c() + ")");
  }

  /** Creates the bucket where the target says; one that exists already is what we need. */
  void createBucket() {
    try {
      clients.storage.create(BucketInfo.newBuilder(target.bucket()).setLocation(target.bucketLocation().get()).build());
    } catch (StorageException e) {
      if (e.getCode() != 409) {
        throw e;
      }
      // Created meanwhile (by us or anyone with access): what we need either way.
    }
  }

  /**
   * Tells a missing bucket from a missing object with {@code storage.objects.list} only: least-privilege
   * accounts (Storage Object Admin or User on the bucket) lack {@code storage.buckets.get}
   * (https://cloud.google.com/storage/docs/access-control/iam-roles), and an object GET answers "No such
   * object" for both (https://github.com/googleapis/nodejs-storage/issues/1183), while a list on a missing
   * bucket answers 404 (https://cloud.google.com/storage/docs/json_api/v1/objects/list).
   */
  void requireBucket(String name) {
    if (target.bucketLocation().isPresent()) {
      return;
    }
    try {
      clients.storage.list(target.bucket(), Storage.BlobListOption.prefix(name), Storage.BlobListOption.pageSize(1));
    } catch (StorageException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      throw new InvalidSpecException("target.bucket", target.bucket(), "does not exist in project " + target.project()
          + " (or these credentials cannot see it): create it with 'gcloud storage buckets create gs://"
          + target.bucket() + " --location=us-central1', or let the SDK create it with",
          Fix.set("target.bucketLocation", "us-central1").java("Gce...createBucket(\"us-central1\")"));
    }
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    clients.storage.delete(BlobId.of(target.bucket(), current.name()));
    return Operation.completed("delete gs://" + target.bucket() + "/" + current.name());
  }

  private static Observed observe(Blob blob) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (blob.getSize() != null) {
      attributes.put("size", Long.toString(blob.getSize()));
    }
    if (blob.getCrc32c() != null) {
      attributes.put("crc32c", blob.getCrc32c());
    }
    if (blob.getGeneration() != null) {
      attributes.put("generation", Long.toString(blob.getGeneration()));
    }
    return Observed.builder().kind(ResourceKind.BLOB).name(blob.getName())
        .owner(Ownership.fromLabels(blob.getMetadata())).attributes(attributes).build();
  }
}
