package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.fault.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The faults Google's APIs are known for, as the kit's {@link Fault}s: the usual error answers,
 * and what only Compute Engine and Cloud Storage do (an operation that ends in an error or takes
 * long, an upload chunk that arrives in part). {@link #JSON_KINDS} names them for {@code POST
 * /_fake/faults}: RATE_LIMITED ({@code retryAfterSeconds}), COMPUTE_RATE_LIMITED, QUOTA_EXCEEDED, BACKEND_ERROR, INTERNAL_ERROR,
 * PERMISSION_DENIED, UPLOAD_CHUNK_LOST ({@code fraction}), OPERATION_ERROR ({@code code}, {@code
 * message}, {@code httpErrorStatusCode}, {@code httpErrorMessage}; ZONE_RESOURCE_POOL_EXHAUSTED
 * and QUOTA_EXCEEDED ({@code metric}) have defaults), SLOW_OPERATION ({@code millis}).
 */
public final class GceFaults {
  static final Map<String, Function<JsonNode, Fault>> JSON_KINDS = Map.of(
      "RATE_LIMITED", f -> rateLimited(f.path("retryAfterSeconds").asInt(1)),
      "COMPUTE_RATE_LIMITED", f -> computeRateLimited(),
      "QUOTA_EXCEEDED", f -> quotaExceeded(),
      "BACKEND_ERROR", f -> backendError(),
      "INTERNAL_ERROR", f -> internalError(),
      "PERMISSION_DENIED", f -> permissionDenied(),
      "UPLOAD_CHUNK_LOST", f -> uploadChunkLost(f.path("fraction").asDouble(0.5)),
      "OPERATION_ERROR", f -> operationError(operationErrorOf(f)),
      "SLOW_OPERATION", f -> slowOperation(Duration.ofMillis(f.path("millis").asLong(5000))));

  private GceFaults() {}

  /** Any error status with the standard body; changes nothing. */
  public static Fault httpError(int status, String reason, String message) {
    return Fault.httpError(status).reason(reason).message(message);
  }

  /** 429 {@code rateLimitExceeded} with {@code Retry-After: seconds}. */
  public static Fault rateLimited(int retryAfterSeconds) {
    return httpError(429, "rateLimitExceeded", "Rate Limit Exceeded").retryAfter(retryAfterSeconds);
  }

  /**
   * How Compute Engine really rate-limits: 403 {@code rateLimitExceeded}, no Retry-After, "wait a minute
   * then try your request again" (https://cloud.google.com/compute/api-quota; the message as in
   * https://github.com/scylladb/scylla-cluster-tests/issues/7940).
   */
  public static Fault computeRateLimited() {
    return httpError(403, "rateLimitExceeded", "Quota exceeded for quota metric 'Read requests' and limit 'Read"
        + " requests per minute' of service 'compute.googleapis.com' for consumer 'project_number:123456'.");
  }

  /** 403 {@code userRateLimitExceeded}, the per-user form of {@link #computeRateLimited()}. */
  public static Fault userRateLimited() {
    return httpError(403, "userRateLimitExceeded", "User Rate Limit Exceeded");
  }

  /** A resource quota, final: 403 {@code quotaExceeded} (a retry cannot help). */
  public static Fault quotaExceeded() {
    return httpError(403, "quotaExceeded", "Quota 'CPUS' exceeded.  Limit: 8.0 in region us-central1.");
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

  /**
   * For an upload chunk PUT: only the first {@code fraction} of the chunk arrives (whole 256 KiB
   * quanta of it are kept), then the connection drops, so the client must ask for the committed
   * offset and resume.
   */
  public static Fault uploadChunkLost(double fraction) {
    return Fault.requestBodyCut(fraction);
  }

  /** The request succeeds but the operation it starts ends DONE with this error. */
  public static Fault operationError(OperationError error) {
    return Fault.effect(error);
  }

  /** The operation the request starts takes this long. */
  public static Fault slowOperation(Duration duration) {
    return Fault.effect(new SlowOperation(duration));
  }

  private static OperationError operationErrorOf(JsonNode f) {
    String code = f.path("code").asText("ZONE_RESOURCE_POOL_EXHAUSTED");
    if (!f.has("message") && code.equals("ZONE_RESOURCE_POOL_EXHAUSTED")) {
      return OperationError.zoneResourcePoolExhausted();
    }
    if (!f.has("message") && code.equals("QUOTA_EXCEEDED")) {
      return OperationError.quotaExceeded(f.path("metric").asText("CPUS"));
    }
    String message = f.path("message").asText("Injected operation error");
    return f.has("httpErrorStatusCode")
        ? OperationError.withHttpStatus(code, message, f.get("httpErrorStatusCode").asInt(),
            f.path("httpErrorMessage").asText(""))
        : OperationError.of(code, message);
  }
}
