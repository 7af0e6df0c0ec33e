package dev.hermitcloud.gce.fake;

import java.time.Duration;

/**
 * One injected misbehaviour. HTTP errors and {@link #connectionReset()} happen before the request
 * is handled, so it changes nothing. {@link #responseLost()} and {@link #truncatedResponse()}
 * handle the request and then lose the answer (the change DID happen: what {@code requestId}
 * protects against). {@link #latency}, {@link #operationError} and {@link #slowOperation} let the
 * request through and change how it behaves.
 */
public final class Fault {
  enum Kind {
    HTTP_ERROR, CONNECTION_RESET, RESPONSE_LOST, TRUNCATED_RESPONSE, LATENCY, UPLOAD_CHUNK_LOST,
    OPERATION_ERROR, SLOW_OPERATION
  }

  private final Kind kind;
  private final int status;
  private final String reason;
  private final String message;
  private final int retryAfterSeconds;
  private final Duration duration;
  private final double fraction;
  private final OperationError operationError;

  private Fault(Kind kind, int status, String reason, String message, int retryAfterSeconds,
      Duration duration, double fraction, OperationError operationError) {
    this.kind = kind;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.retryAfterSeconds = retryAfterSeconds;
    this.duration = duration;
    this.fraction = fraction;
    this.operationError = operationError;
  }

  /** Any error status with the standard body; changes nothing. */
  public static Fault httpError(int status, String reason, String message) {
    return new Fault(Kind.HTTP_ERROR, status, reason, message, -1, null, 0, null);
  }

  /** 429 {@code rateLimitExceeded} with {@code Retry-After: seconds}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    return new Fault(Kind.HTTP_ERROR, 429, "rateLimitExceeded", "Rate Limit Exceeded",
        retryAfterSeconds, null, 0, null);
  }

  /** 503 {@code backendError}. */
  public static Fault backendError() {
    return httpError(503, "backendError", "The service is currently unavailable.");
  }

  /** 500 {@code backendError}. */
  public static Fault internalError() {
    return httpError(500, "backendError", "Internal error. Please try again.");
  }

  /** 403 {@code forbidden}. */
  public static Fault permissionDenied() {
    return httpError(403, "forbidden", "Required permission is missing for this resource.");
  }

  /** Closes the connection before handling the request: nothing happened. */
  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, 0, null, null, -1, null, 0, null);
  }

  /** Handles the request, then closes the connection without answering. */
  public static Fault responseLost() {
    return new Fault(Kind.RESPONSE_LOST, 0, null, null, -1, null, 0, null);
  }

  /** Handles the request, sends the headers and half the body, then closes the connection. */
  public static Fault truncatedResponse() {
    return new Fault(Kind.TRUNCATED_RESPONSE, 0, null, null, -1, null, 0, null);
  }

  /** Sleeps before handling the request (combines with any other fault). */
  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, 0, null, null, -1, delay, 0, null);
  }

  /**
   * For an upload chunk PUT: only the first {@code fraction} of the chunk arrives (whole 256 KiB
   * quanta of it are kept), then the connection drops, so the client must ask for the committed
   * offset and resume.
   */
  public static Fault uploadChunkLost(double fraction) {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
    }
    return new Fault(Kind.UPLOAD_CHUNK_LOST, 0, null, null, -1, null, fraction, null);
  }

  /** The request succeeds but the operation it starts ends DONE with this error. */
  public static Fault operationError(OperationError error) {
    return new Fault(Kind.OPERATION_ERROR, 0, null, null, -1, null, 0, error);
  }

  /** The operation the request starts takes this long. */
  public static Fault slowOperation(Duration duration) {
    return new Fault(Kind.SLOW_OPERATION, 0, null, null, -1, duration, 0, null);
  }

  Kind kind() {
    return kind;
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  String message() {
    return message;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  Duration duration() {
    return duration;
  }

  double fraction() {
    return fraction;
  }

  OperationError operationError() {
    return operationError;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case HTTP_ERROR -> "HTTP " + status + " " + reason;
      case LATENCY, SLOW_OPERATION -> kind + " " + duration.toMillis() + "ms";
      case UPLOAD_CHUNK_LOST -> kind + " keeping " + fraction;
      case OPERATION_ERROR -> kind + " " + operationError;
      default -> kind.name();
    };
  }
}
