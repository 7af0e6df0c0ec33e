package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.http.ApiError;

/**
 * The errors the services answer, as {@link ApiError}s. They say what went wrong, not how: the
 * {@link OpenStackDialect} renders each in the error shape of the service called ({@link
 * ErrorShapes}); an error's code is Neutron's type (e.g. {@code SecurityGroupRuleExists}).
 */
final class OpenStackErrors {
  private OpenStackErrors() {}

  static ApiError of(int status, String message) {
    return ApiError.of(status, message);
  }

  static ApiError badRequest(String message) {
    return of(400, message);
  }

  static ApiError forbidden(String message) {
    return of(403, message);
  }

  static ApiError notFound(String message) {
    return of(404, message);
  }

  static ApiError conflict(String message) {
    return of(409, message);
  }

  static ApiError unauthorized() {
    return of(401, "The request you have made requires authentication.");
  }
}
