package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fault rules sent to {@code POST /_fake/faults}:
 *
 * <pre>{@code
 * {"seed": 7, "replace": true, "rules": [
 *   {"method": "POST", "path": "/compute/v1/projects/{project}/zones/{zone}/instances",
 *    "times": 2, "fault": {"kind": "RATE_LIMITED", "retryAfterSeconds": 1}},
 *   {"probability": 0.1, "fault": {"kind": "BACKEND_ERROR"}},
 *   {"always": true, "fault": {"kind": "LATENCY", "millis": 50}},
 *   {"fault": {"kind": "OPERATION_ERROR", "code": "ZONE_RESOURCE_POOL_EXHAUSTED"}}]}
 * }</pre>
 *
 * Kinds: RATE_LIMITED, BACKEND_ERROR, INTERNAL_ERROR, PERMISSION_DENIED, HTTP_ERROR (status,
 * reason, message), CONNECTION_RESET, RESPONSE_LOST, TRUNCATED_RESPONSE, LATENCY (millis),
 * UPLOAD_CHUNK_LOST (fraction), OPERATION_ERROR (code, message, httpErrorStatusCode,
 * httpErrorMessage; the codes ZONE_RESOURCE_POOL_EXHAUSTED and QUOTA_EXCEEDED have defaults),
 * SLOW_OPERATION (millis). Method and path default to "*", a rule to "times": 1.
 */
final class FaultPlanJson {
  private FaultPlanJson() {}

  static List<FaultRule> rules(JsonNode root) {
    List<FaultRule> out = new ArrayList<>();
    for (JsonNode r : root.path("rules")) {
      FaultRule rule = FaultRule.on(r.path("method").asText(FaultRule.ANY),
          r.path("path").asText(FaultRule.ANY));
      if (r.has("probability")) {
        rule.withProbability(r.get("probability").asDouble());
      } else if (r.path("always").asBoolean(false)) {
        rule.always();
      } else {
        rule.times(r.path("times").asInt(1));
      }
      out.add(rule.inject(fault(r.path("fault"))));
    }
    return out;
  }

  private static Fault fault(JsonNode f) {
    String kind = f.path("kind").asText("");
    return switch (kind) {
      case "RATE_LIMITED" -> Fault.rateLimited(f.path("retryAfterSeconds").asInt(1));
      case "BACKEND_ERROR" -> Fault.backendError();
      case "INTERNAL_ERROR" -> Fault.internalError();
      case "PERMISSION_DENIED" -> Fault.permissionDenied();
      case "HTTP_ERROR" -> Fault.httpError(f.path("status").asInt(500),
          f.path("reason").asText("backendError"), f.path("message").asText("Injected error"));
      case "CONNECTION_RESET" -> Fault.connectionReset();
      case "RESPONSE_LOST" -> Fault.responseLost();
      case "TRUNCATED_RESPONSE" -> Fault.truncatedResponse();
      case "LATENCY" -> Fault.latency(Duration.ofMillis(f.path("millis").asLong(100)));
      case "UPLOAD_CHUNK_LOST" -> Fault.uploadChunkLost(f.path("fraction").asDouble(0.5));
      case "OPERATION_ERROR" -> Fault.operationError(operationError(f));
      case "SLOW_OPERATION" -> Fault.slowOperation(Duration.ofMillis(f.path("millis").asLong(5000)));
      default -> throw GoogleApiError.invalidField("fault.kind", kind, "Unknown fault kind.");
    };
  }

  private static OperationError operationError(JsonNode f) {
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
