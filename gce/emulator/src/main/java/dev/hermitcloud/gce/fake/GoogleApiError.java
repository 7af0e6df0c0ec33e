package dev.hermitcloud.gce.fake;

/**
 * An error the fake answers with, in the standard Google v1 error body. Thrown by handlers; the
 * dispatcher turns it into the reply. A request that ends in this error changed nothing.
 */
final class GoogleApiError extends RuntimeException {
  private final int status;
  private final String reason;

  GoogleApiError(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  static GoogleApiError notFound(String resourcePath) {
    return new GoogleApiError(404, "notFound", "The resource '" + resourcePath + "' was not found");
  }

  static GoogleApiError alreadyExists(String resourcePath) {
    return new GoogleApiError(
        409, "alreadyExists", "The resource '" + resourcePath + "' already exists");
  }

  static GoogleApiError notReady(String resourcePath) {
    return new GoogleApiError(
        400, "resourceNotReady", "The resource '" + resourcePath + "' is not ready");
  }

  static GoogleApiError invalid(String message) {
    return new GoogleApiError(400, "invalid", message);
  }

  static GoogleApiError invalidField(String field, String value, String why) {
    return invalid(
        "Invalid value for field '" + field + "': '" + (value == null ? "" : value) + "'. " + why);
  }

  static GoogleApiError required(String field) {
    return new GoogleApiError(400, "required", "Required field '" + field + "' not specified");
  }

  static GoogleApiError conditionNotMet(String message) {
    return new GoogleApiError(412, "conditionNotMet", message);
  }
}
