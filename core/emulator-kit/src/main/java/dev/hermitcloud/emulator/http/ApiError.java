package dev.hermitcloud.emulator.http;

/**
 * An error answer, raised by a handler (or by the kit for a malformed request). It says what went
 * wrong, not how it looks: the {@link CloudDialect} renders it in its cloud's error shape. A request
 * that ends in an {@code ApiError} changed nothing.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final Integer retryAfterSeconds;

  private ApiError(int status, String code, String message, Integer retryAfterSeconds) {
    // no stack trace: this is an answer, not a bug, and handlers throw many of them
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * An error with a machine-readable {@code code} (Google's {@code reason}, Neutron's {@code type});
   * null lets the dialect pick its default for the status.
   */
  public static ApiError of(int status, String code, String message) {
    return new ApiError(status, code, message, null);
  }

  public static ApiError of(int status, String message) {
    return new ApiError(status, null, message, null);
  }

  /** The same error with another code. */
  public ApiError withCode(String newCode) {
    return new ApiError(status, newCode, getMessage(), retryAfterSeconds);
  }

  /** The same error answered with a {@code Retry-After} header. */
  public ApiError withRetryAfter(int seconds) {
    return new ApiError(status, code, getMessage(), seconds);
  }

  public int status() {
    return status;
  }

  /** The machine-readable code, or null for the status's default. */
  public String code() {
    return code;
  }

  /** Seconds for {@code Retry-After}, or null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
