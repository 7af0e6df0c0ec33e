package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.CloudDialect;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Route;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.io.IOException;

/**
 * How Compute Engine and Cloud Storage speak: the standard Google v1 error body {@code
 * {"error":{"code":N,"message":M,"errors":[{"message":M,"domain":"global","reason":R}]}}}, JSON
 * bodies that must be objects (an empty one is {@code {}}), and {@code requestId}s counted per
 * route, since a retried insert must carry the same one.
 */
final class GoogleDialect implements CloudDialect {
  /** The stats tag of requests that carry a {@code requestId}. */
  static final String REQUEST_ID_TAG = "requestId";

  private final RequestStats stats;

  GoogleDialect(RequestStats stats) {
    this.stats = stats;
  }

  @Override
  public Reply error(Request request, ApiError e) {
    String reason = e.code() == null ? "backendError" : e.code();
    ObjectNode root = Json.object();
    ObjectNode error = root.putObject("error");
    error.put("code", e.status());
    error.put("message", e.getMessage());
    ObjectNode item = error.putArray("errors").addObject();
    item.put("message", e.getMessage());
    boolean rateLimit = reason.equals("rateLimitExceeded") || reason.equals("userRateLimitExceeded");
    // rate limits come from the usage-limits domain, with an ErrorInfo in details[] (audit A2; the
    // legacy reason and the message are confirmed, https://cloud.google.com/compute/api-quota)
    item.put("domain", rateLimit ? "usageLimits" : "global");
    item.put("reason", reason);
    if (rateLimit) {
      ObjectNode info = error.putArray("details").addObject();
      info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
      info.put("reason", "RATE_LIMIT_EXCEEDED");
      info.put("domain", "googleapis.com");
      info.putObject("metadata").put("service", "compute.googleapis.com")
          .put("quota_metric", "compute.googleapis.com/read_requests")
          .put("quota_limit", "ReadRequestsPerMinutePerProject");
    }
    return Reply.json(e.status(), root);
  }

  @Override
  public JsonNode parseJson(byte[] body) {
    if (body.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = Json.parse(body);
      if (!(node instanceof ObjectNode)) {
        throw GoogleErrors.invalid("Invalid JSON payload received. Expected an object.");
      }
      return node;
    } catch (IOException e) {
      throw GoogleErrors.invalid("Invalid JSON payload received. " + e.getMessage());
    }
  }

  @Override
  public ApiError noRoute(String method, String rawPath, boolean otherMethod) {
    return ApiError.of(404, "notFound", "No such API in this fake: " + method + " " + rawPath);
  }

  @Override
  public ApiError crashed(Exception e) {
    if (e instanceof IOException) {
      return GoogleErrors.invalid("Invalid request: " + e.getMessage());
    }
    if (e instanceof InterruptedException) {
      return ApiError.of(503, "backendError", "Interrupted");
    }
    return ApiError.of(500, "backendError", "Fake crashed: " + e);
  }

  @Override
  public String faultMessage(int status) {
    return "Injected error";
  }

  @Override
  public String jsonContentType() {
    return "application/json; charset=UTF-8";
  }

  @Override
  public void admit(Request request, Route route) {
    String query = request.rawQuery();
    if (query != null && ("&" + query).contains("&requestId=")) {
      stats.tag(REQUEST_ID_TAG, route.key());
    }
  }
}
