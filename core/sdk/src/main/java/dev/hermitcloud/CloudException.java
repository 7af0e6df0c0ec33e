package dev.hermitcloud;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed cloud call, reduced to what decides a retry: the HTTP status (0 when the connection failed
 * before a status arrived), the server's Retry-After, and the cloud's own message. Providers translate
 * their client library's exceptions into this.
 */
public final class CloudException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Duration retryAfter;
  private final boolean throttled;

  public CloudException(int status, String message, Duration retryAfter, Throwable cause) {
    this(status, message, retryAfter, false, cause);
  }

  /**
   * A failed call; {@code throttled} says the cloud rate-limited it whatever the status, as Compute Engine
   * does with 403 {@code rateLimitExceeded} (https://cloud.google.com/compute/api-quota): such a call is
   * retried like a 429.
   */
  public CloudException(int status, String message, Duration retryAfter, boolean throttled, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
    this.throttled = throttled;
  }

  public CloudException(int status, String message) {
    this(status, message, null, null);
  }

  /** A connection fault (reset, refused, timeout, truncated body): no status was received. */
  public static CloudException connection(String message, Throwable cause) {
    return new CloudException(0, message, null, cause);
  }

  /** The HTTP status, or 0 for a connection fault. */
  public int status() {
    return status;
  }

  /** How long the server asked us to wait, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the cloud said this call was rate-limited (a 429, or a 403 whose reason says so). */
  public boolean isThrottled() {
    return throttled || status == 429;
  }

  public boolean isNotFound() {
    return status == 404;
  }

  public boolean isConflict() {
    return status == 409;
  }

  /** Whether retrying may succeed: throttling, server errors, connection faults, and conflicts with a Retry-After. */
  public boolean isTransient() {
    // a 409 or 413 that says when to try again is the cloud still busy (a resource being released, a rate
    // limit), not a lasting conflict or an exhausted quota
    return status == 0 || status == 408 || (status == 409 || status == 413) && retryAfter != null || isThrottled()
        || status >= 500;
  }
}
