package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.ApiError;

/**
 * The errors Google's v1 APIs answer, as {@link ApiError}s whose code is Google's {@code reason};
 * {@link GoogleDialect} renders them in the standard error body. Handlers throw them; a request
 * that ends in one changed nothing.
 */
final class GoogleErrors {
  private GoogleErrors() {}

  static ApiError notFound(String resourcePath) {
    return ApiError.of(404, "notFound", "The resource '" + resourcePath + "' was not found");
  }

  static ApiError alreadyExists(String resourcePath) {
    return ApiError.of(409, "alreadyExists", "The resource '" + resourcePath + "' already exists");
  }

  static ApiError notReady(String resourcePath) {
    return ApiError.of(400, "resourceNotReady", "The resource '" + resourcePath + "' is not ready");
  }

  /**
   * A delete refused because another resource refers to this one; {@code what} as GCE spells the kind,
   * e.g. {@code instance_template} (per
   * https://github.com/terraform-google-modules/terraform-google-vm/issues/45).
   */
  static ApiError inUse(String what, String resourcePath, String userPath) {
    return ApiError.of(400, "resourceInUseByAnotherResource", "The " + what + " resource '" + resourcePath
        + "' is already being used by '" + userPath + "'");
  }

  static ApiError invalid(String message) {
    return ApiError.of(400, "invalid", message);
  }

  static ApiError invalidField(String field, String value, String why) {
    return invalid(
        "Invalid value for field '" + field + "': '" + (value == null ? "" : value) + "'. " + why);
  }

  static ApiError required(String field) {
    return ApiError.of(400, "required", "Required field '" + field + "' not specified");
  }

  static ApiError conditionNotMet(String message) {
    return ApiError.of(412, "conditionNotMet", message);
  }
}
