package dev.hermitcloud.internal.retry;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.HermitException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Tells retryable faults from final ones, looking through wrappers to the first telling cause. */
public final class Faults {
  private Faults() {}

  /**
   * Whether a retry may succeed: throttling, 5xx, and connection faults anywhere in the cause chain. The
   * first of the SDK's own exceptions in the chain decides: a {@link CloudException} by its status, any
   * other (bad input, a host failure, a conflict) is final whatever caused it.
   */
  public static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CloudException cloud) {
        return cloud.isTransient();
      }
      if (t instanceof HermitException) {
        return false;
      }
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The Retry-After the server sent, if the fault carries one. */
  public static Optional<Duration> retryAfter(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CloudException cloud) {
        return cloud.retryAfter();
      }
    }
    return Optional.empty();
  }

  /** The cloud exception in the chain, if any. */
  public static Optional<CloudException> cloud(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CloudException cloud) {
        return Optional.of(cloud);
      }
    }
    return Optional.empty();
  }

  /** A one-line description for events and messages. */
  public static String describe(Throwable error) {
    Optional<CloudException> cloud = cloud(error);
    if (cloud.isPresent()) {
      CloudException c = cloud.get();
      return (c.status() == 0 ? "connection fault" : "HTTP " + c.status()) + ": " + c.getMessage();
    }
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
