package dev.hermitcloud.gce.fake;

/**
 * The error a compute operation ends with ({@code error.errors[0]}), optionally with {@code
 * httpErrorStatusCode}: with it the client's {@code get()} throws, without it {@code get()} returns
 * an operation whose {@code hasError()} is true.
 */
public final class OperationError {
  private final String code;
  private final String message;
  private final Integer httpErrorStatusCode;
  private final String httpErrorMessage;

  private OperationError(String code, String message, Integer httpStatus, String httpMessage) {
    this.code = code;
    this.message = message;
    this.httpErrorStatusCode = httpStatus;
    this.httpErrorMessage = httpMessage;
  }

  /** An error without {@code httpErrorStatusCode}. */
  public static OperationError of(String code, String message) {
    return new OperationError(code, message, null, null);
  }

  /** An error carrying {@code httpErrorStatusCode} and {@code httpErrorMessage}. */
  public static OperationError withHttpStatus(
      String code, String message, int httpStatus, String httpMessage) {
    return new OperationError(code, message, httpStatus, httpMessage);
  }

  /** The zone ran out of capacity: 503 SERVICE UNAVAILABLE, as GCE reports it. */
  public static OperationError zoneResourcePoolExhausted() {
    return withHttpStatus(
        "ZONE_RESOURCE_POOL_EXHAUSTED",
        "The zone does not have enough resources available to fulfill the request."
            + "  Try a different zone, or try again later.",
        503,
        "SERVICE UNAVAILABLE");
  }

  /** A regional quota is exhausted: 403 FORBIDDEN. */
  public static OperationError quotaExceeded(String metric) {
    return withHttpStatus(
        "QUOTA_EXCEEDED", "Quota '" + metric + "' exceeded.  Limit: 1.0 in region.", 403, "FORBIDDEN");
  }

  public String code() {
    return code;
  }

  public String message() {
    return message;
  }

  /** {@code null} when the operation reports no HTTP status. */
  public Integer httpErrorStatusCode() {
    return httpErrorStatusCode;
  }

  public String httpErrorMessage() {
    return httpErrorMessage;
  }

  @Override
  public String toString() {
    return code + ": " + message + (httpErrorStatusCode == null ? "" : " (" + httpErrorStatusCode + ")");
  }
}
