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

  /**
   * An error without {@code httpErrorStatusCode}, for fault injection only: GCE's own failed operations carry
   * it ("If the operation fails, this field contains the HTTP error status code that was returned",
   * https://cloud.google.com/compute/docs/reference/rest/v1/globalOperations), so the fake's do too.
   */
  public static OperationError of(String code, String message) {
    return new OperationError(code, message, null, null);
  }

  /** An error carrying {@code httpErrorStatusCode} and {@code httpErrorMessage}. */
  public static OperationError withHttpStatus(
      String code, String message, int httpStatus, String httpMessage) {
    return new OperationError(code, message, httpStatus, httpMessage);
  }

  /** 500 INTERNAL SERVER ERROR. */
  static OperationError internal(String message) {
    return withHttpStatus("INTERNAL_ERROR", message, 500, "INTERNAL SERVER ERROR");
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

  /**
   * A regional quota is exhausted: 403 FORBIDDEN, worded as GCE does (two spaces, the region named:
   * https://github.com/hashicorp/terraform-provider-google/issues/20573).
   */
  public static OperationError quotaExceeded(String metric) {
    return quotaExceeded(metric, 1.0, "us-central1");
  }

  public static OperationError quotaExceeded(String metric, double limit, String region) {
    return withHttpStatus("QUOTA_EXCEEDED", "Quota '" + metric + "' exceeded.  Limit: " + limit + " in region "
        + region + ".", 403, "FORBIDDEN");
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
