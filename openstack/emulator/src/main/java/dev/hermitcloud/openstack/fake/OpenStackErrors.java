package dev.hermitcloud.openstack.fake;

/**
 * An error answer raised inside a handler. It says what went wrong, not how: the dispatcher renders
 * it in the error shape of the service that was called ({@link ErrorShapes}).
 */
final class ApiException extends RuntimeException {
  final int status;
  /** Neutron's error type (e.g. {@code SecurityGroupRuleExists}); null means the status's default. */
  final String neutronType;
  /** Seconds for a Retry-After header; null for none. */
  final Integer retryAfterSeconds;

  ApiException(int status, String message, String neutronType, Integer retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.neutronType = neutronType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiException of(int status, String message) {
    return new ApiException(status, message, null, null);
  }

  static ApiException badRequest(String message) {
    return of(400, message);
  }

  static ApiException forbidden(String message) {
    return of(403, message);
  }

  static ApiException notFound(String message) {
    return of(404, message);
  }

  static ApiException conflict(String message) {
    return of(409, message);
  }

  static ApiException unauthorized() {
    return of(401, "The request you have made requires authentication.");
  }

  ApiException neutronType(String type) {
    return new ApiException(status, getMessage(), type, retryAfterSeconds);
  }
}
