package dev.hermitcloud.gce;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Deployment locks as objects in the target's bucket, {@code gs://<bucket>/hermit-locks/<deployment>.json},
 * outside the {@code hermit/} folder the archives live in (so no listing of a deployment's resources ever
 * sees one). Every write is conditional on the object's generation, as Cloud Storage documents
 * (https://cloud.google.com/storage/docs/request-preconditions): created with {@code ifGenerationMatch=0}
 * (fails with 412 when it exists), renewed and taken over with {@code ifGenerationMatch=<generation>},
 * deleted with the same precondition. The lease is in the object's metadata (one GET reads it) and, for
 * people, as JSON in its content.
 */
final class GceLocks implements DeploymentLocks {
  static final String FOLDER = "hermit-locks/";
  private static final String USER = "hermit-lock-user";
  private static final String HOST = "hermit-lock-host";
  private static final String PID = "hermit-lock-pid";
  private static final String RUN = "hermit-lock-run";
  private static final String SINCE = "hermit-lock-since";
  private static final String EXPIRES = "hermit-lock-expires";
  private static final int PRECONDITION_FAILED = 412;
  private static final int NOT_FOUND = 404;

  private final GceClients clients;
  private final Gce target;
  private final GceBlobs blobs;

  GceLocks(GceClients clients, Gce target, GceBlobs blobs) {
    this.clients = clients;
    this.target = target;
    this.blobs = blobs;
  }

  private BlobId id(String deployment) {
    return BlobId.of(target.bucket(), FOLDER + deployment + ".json");
  }

  @Override
  public Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires) {
    Blob existing = clients.storage.get(id(deployment));
    if (existing != null) {
      return Optional.of(lease(deployment, existing));
    }
    return write(deployment, holder, since, expires, Storage.BlobTargetOption.doesNotExist());
  }

  @Override
  public Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires) {
    Optional<LockLease> written = write(current.deployment(), holder, since, expires,
        Storage.BlobTargetOption.generationMatch(Long.parseLong(current.version())));
    if (written.isPresent()) {
      return written;
    }
    // a 412 after the client resent a write whose answer was lost: the object may be exactly what we wrote
    Blob now = clients.storage.get(id(current.deployment()));
    LockLease seen = now == null ? null : lease(current.deployment(), now);
    return seen != null && seen.holder().equals(holder) && seen.expires().equals(expires) ? Optional.of(seen) : Optional.empty();
  }

  @Override
  public void release(LockLease lease) {
    try {
      clients.storage.delete(id(lease.deployment()), Storage.BlobSourceOption.generationMatch(Long.parseLong(lease.version())));
    } catch (StorageException e) {
      if (e.getCode() != PRECONDITION_FAILED) {
        throw e;
      }
      // renewed by nobody but us, so someone took it over or broke it: theirs now, not ours to delete
    }
  }

  @Override
  public Optional<LockLease> breakLock(String deployment) {
    while (true) {
      Blob existing = clients.storage.get(id(deployment));
      if (existing == null) {
        return Optional.empty();
      }
      try {
        clients.storage.delete(existing.getBlobId(), Storage.BlobSourceOption.generationMatch(existing.getGeneration()));
        return Optional.of(lease(deployment, existing));
      } catch (StorageException e) {
        if (e.getCode() != PRECONDITION_FAILED) {
          throw e;
        }
        // renewed while we looked: report (and remove) the lease in force now
      }
    }
  }

  private Optional<LockLease> write(String deployment, LockHolder holder, Instant since, Instant expires,
      Storage.BlobTargetOption precondition) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put(USER, holder.user());
    metadata.put(HOST, holder.host());
    metadata.put(PID, Long.toString(holder.pid()));
    metadata.put(RUN, holder.runId());
    metadata.put(SINCE, since.toString());
    metadata.put(EXPIRES, expires.toString());
    BlobInfo info = BlobInfo.newBuilder(id(deployment)).setContentType("application/json").setMetadata(metadata).build();
    String json = "{\"deployment\":\"" + deployment + "\",\"holder\":\"" + holder + "\",\"since\":\"" + since
        + "\",\"expires\":\"" + expires + "\"}\n";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try {
      return insert(deployment, info, body, precondition);
    } catch (StorageException e) {
      if (e.getCode() != NOT_FOUND) {
        throw e;
      }
      // The bucket is missing (an insert into one answers 404). Found only now, so an apply on a bucket
      // that exists costs no bucket request, which least-privilege accounts could not make anyway.
      if (target.bucketLocation().isEmpty()) {
        blobs.requireBucket(info.getName());
        throw e;
      }
      blobs.createBucket();
      return insert(deployment, info, body, precondition);
    }
  }

  /** Writes the lease object; empty when the precondition says someone else's write came first. */
  private Optional<LockLease> insert(String deployment, BlobInfo info, byte[] body,
      Storage.BlobTargetOption precondition) {
    try {
      return Optional.of(lease(deployment, clients.storage.create(info, body, precondition)));
    } catch (StorageException e) {
      if (e.getCode() == PRECONDITION_FAILED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The lease an object holds; one without readable marks (written by hand) counts as expired. */
  private static LockLease lease(String deployment, Blob blob) {
    Map<String, String> m = blob.getMetadata() == null ? Map.of() : blob.getMetadata();
    Instant epoch = Instant.EPOCH;
    try {
      LockHolder holder = new LockHolder(m.getOrDefault(USER, "unknown"), m.getOrDefault(HOST, "unknown-host"),
          Long.parseLong(m.getOrDefault(PID, "0")), m.getOrDefault(RUN, "unknown"));
      return new LockLease(deployment, holder, Instant.parse(m.getOrDefault(SINCE, epoch.toString())),
          Instant.parse(m.getOrDefault(EXPIRES, epoch.toString())), Long.toString(blob.getGeneration()));
    } catch (RuntimeException unreadable) {
      return new LockLease(deployment, new LockHolder("unknown", "unknown-host", 0, "unknown"), epoch, epoch,
          Long.toString(blob.getGeneration()));
    }
  }
}
