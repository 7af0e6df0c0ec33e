package dev.hermitcloud.provider;

import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.util.Objects;

/** What a mutating call needs beyond the spec: the ownership marks, a request id, and a progress sink. */
public final class CallContext {
  private final ResourceKind kind;
  private final String name;
  private final Ownership ownership;
  private final String requestId;
  private final ProgressListener progress;

  public CallContext(ResourceKind kind, String name, Ownership ownership, String requestId, ProgressListener progress) {
    this.kind = Objects.requireNonNull(kind);
    this.name = Objects.requireNonNull(name);
    this.ownership = ownership;
    this.requestId = Objects.requireNonNull(requestId);
    this.progress = Objects.requireNonNull(progress);
  }

  /**
   * The marks to store on the resource (null for deletes). Carries the deployment and the spec's
   * fingerprints.
   */
  public Ownership ownership() {
    return ownership;
  }

  /**
   * A UUID that is the same for every retry of this call within one run and different across runs, so a
   * cloud that deduplicates by request id (GCE) never performs a retried call twice.
   */
  public String requestId() {
    return requestId;
  }

  /** Tells the user something about this call that is not an error, such as a fallback that was chosen. */
  public void notice(String message) {
    progress.on(new ProgressEvent.Notice(kind.label() + " " + name, message));
  }

  /** Reports bytes sent so far; {@code total} is -1 if unknown. */
  public void bytesTransferred(long bytes, long total) {
    progress.on(new ProgressEvent.BytesTransferred(kind, name, bytes, total));
  }
}
