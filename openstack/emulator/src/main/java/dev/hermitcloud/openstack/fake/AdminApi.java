package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The fake's own HTTP API under {@code /_fake}, for the standalone process and for tools:
 *
 * <ul>
 *   <li>{@code GET /_fake/stats}: request counts, mutating total, creation counts, resources,
 *       armed faults, app stand-in endpoints;
 *   <li>{@code POST /_fake/faults}: arm a fault, one JSON object: {@code {"match":"POST
 *       /compute/v2.1/servers","status":429,"retryAfter":2,"times":1}}, or with {@code
 *       "reset":true}, {@code "cutBody":true}, {@code "resetAfterCommit":true}, {@code
 *       "latencyMs":N}, plus {@code "always":true}, {@code "probability":P}; or a cloud-side
 *       failure: {@code {"expireTokens":true}}, {@code {"failNextServer":"message"}}, {@code
 *       {"killNextUpload":true}};
 *   <li>{@code DELETE /_fake/faults}: disarm all; {@code POST /_fake/reset}: zero the counters;
 *   <li>{@code POST /_fake/console/{serverId}}: append the body to the server's console;
 *   <li>{@code POST /_fake/timings}: {@code {"buildMs","saveMs","deleteMs"}};
 *   <li>{@code POST /_fake/app-stand-in}: {@code {"enabled":true}}.
 * </ul>
 *
 * No token is needed, and these calls are never counted or faulted.
 */
final class AdminApi implements HttpHandler {
  private final FakeOpenStack cloud;

  AdminApi(FakeOpenStack cloud) {
    this.cloud = cloud;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod().toUpperCase();
    byte[] body = exchange.getRequestBody().readAllBytes();
    Reply reply;
    try {
      reply = route(method, path, body);
    } catch (ApiException e) {
      reply = ErrorShapes.render(Service.ADMIN, e);
    } catch (IllegalArgumentException e) {
      reply = ErrorShapes.render(Service.ADMIN, ApiException.badRequest(e.getMessage()));
    }
    ReplyWriter.write(exchange, reply, "req-" + Ids.random());
  }

  private Reply route(String method, String path, byte[] body) {
    String key = method + " " + path;
    if (key.equals("GET /_fake/stats")) {
      return Reply.json(200, stats());
    }
    if (key.equals("POST /_fake/faults")) {
      arm(Json.parse(body));
      return Reply.json(200, faultList());
    }
    if (key.equals("GET /_fake/faults")) {
      return Reply.json(200, faultList());
    }
    if (key.equals("DELETE /_fake/faults")) {
      cloud.faults().clear();
      return Reply.empty(204);
    }
    if (key.equals("POST /_fake/reset")) {
      cloud.resetCounters();
      return Reply.empty(204);
    }
    if (key.equals("POST /_fake/timings")) {
      JsonNode t = Json.parse(body);
      if (t.has("buildMs")) {
        cloud.timings().build(Duration.ofMillis(t.get("buildMs").asLong()));
      }
      if (t.has("saveMs")) {
        cloud.timings().save(Duration.ofMillis(t.get("saveMs").asLong()));
      }
      if (t.has("deleteMs")) {
        cloud.timings().delete(Duration.ofMillis(t.get("deleteMs").asLong()));
      }
      return Reply.empty(204);
    }
    if (key.equals("POST /_fake/app-stand-in")) {
      cloud.appStandIn(Json.parse(body).path("enabled").asBoolean());
      return Reply.empty(204);
    }
    if (method.equals("POST") && path.startsWith("/_fake/console/")) {
      cloud.appendConsoleOutput(path.substring("/_fake/console/".length()),
          new String(body, StandardCharsets.UTF_8));
      return Reply.empty(204);
    }
    throw ApiException.notFound("No such fake control: " + key);
  }

  private void arm(JsonNode f) {
    Faults faults = cloud.faults();
    if (f.path("expireTokens").asBoolean()) {
      faults.expireAllTokens();
      return;
    }
    if (f.has("failNextServer")) {
      String message = f.get("failNextServer").asText();
      faults.failNextServer(message.isEmpty() || message.equals("true")
          ? Faults.NO_VALID_HOST : message);
      return;
    }
    if (f.path("killNextUpload").asBoolean()) {
      faults.killNextUpload();
      return;
    }
    FaultRule rule = FaultRule.on(f.path("match").asText("* *"));
    if (f.has("status")) {
      rule = rule.status(f.get("status").asInt());
    }
    if (f.path("reset").asBoolean()) {
      rule = rule.resetConnection();
    }
    if (f.path("cutBody").asBoolean()) {
      rule = rule.cutBody();
    }
    if (f.path("resetAfterCommit").asBoolean()) {
      rule = rule.resetAfterCommit();
    }
    if (f.has("latencyMs")) {
      rule = rule.latency(Duration.ofMillis(f.get("latencyMs").asLong()));
    }
    if (f.has("retryAfter")) {
      rule = rule.retryAfter(f.get("retryAfter").asInt());
    }
    if (f.has("times")) {
      rule = rule.times(f.get("times").asInt());
    }
    if (f.path("always").asBoolean()) {
      rule = rule.always();
    }
    if (f.has("probability")) {
      rule = rule.probability(f.get("probability").asDouble());
    }
    faults.add(rule);
  }

  private ObjectNode faultList() {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("faults");
    cloud.faults().armed().forEach(r -> list.add(r.toString()));
    return body;
  }

  private ObjectNode stats() {
    ObjectNode body = Json.object();
    ObjectNode requests = body.putObject("requests");
    cloud.requestCounts().forEach(requests::put);
    body.put("mutating", cloud.mutatingRequestCount());
    ObjectNode creations = body.putObject("creations");
    new java.util.TreeMap<>(cloud.creations()).forEach(creations::put);
    ObjectNode resources = body.putObject("resources");
    add(resources, "images", cloud.images());
    add(resources, "servers", cloud.servers());
    add(resources, "security_groups", cloud.securityGroups());
    add(resources, "security_group_rules", cloud.securityGroupRules());
    add(resources, "floating_ips", cloud.floatingIps());
    add(resources, "ports", cloud.ports());
    add(resources, "networks", cloud.networks());
    body.set("faults", faultList().get("faults"));
    ArrayNode endpoints = body.putArray("app_endpoints");
    cloud.appEndpoints().forEach(endpoints::add);
    return body;
  }

  private static void add(ObjectNode resources, String key, List<FakeResource> list) {
    ArrayNode array = resources.putArray(key);
    list.forEach(r -> array.add(r.fields()));
  }
}
