package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The fake's own HTTP API under {@code /_fake/} (never counted, never faulted): {@code GET stats},
 * {@code POST faults} (see {@link FaultPlanJson}), {@code GET faults}, {@code DELETE faults},
 * {@code POST reset} (counters and faults; {@code {"state": true}} also drops all resources),
 * {@code POST serial} ({@code {"project","zone","instance","text"}}), {@code POST buckets}
 * ({@code {"name","project"}}).
 */
final class AdminHandler {
  private final FakeGce fake;

  AdminHandler(FakeGce fake) {
    this.fake = fake;
  }

  Reply handle(String method, String rawPath, byte[] body) {
    String what = rawPath.substring(RequestDispatcher.ADMIN_PREFIX.length());
    try {
      JsonNode json = body.length == 0 ? GoogleJson.object() : GoogleJson.parse(body);
      return switch (method + " " + what) {
        case "GET stats" -> Reply.ok(fake.statsJson());
        case "POST faults" -> installFaults(json);
        case "GET faults" -> listFaults();
        case "DELETE faults" -> {
          fake.faults().clear();
          yield Reply.empty(204);
        }
        case "POST reset" -> {
          fake.reset(json.path("state").asBoolean(false));
          yield Reply.empty(204);
        }
        case "POST serial" -> {
          fake.appendSerialOutput(json.path("project").asText(), json.path("zone").asText(),
              json.path("instance").asText(), json.path("text").asText());
          yield Reply.empty(204);
        }
        case "POST buckets" -> {
          fake.addBucket(json.path("project").asText("fake-project"), json.path("name").asText());
          yield Reply.empty(204);
        }
        default -> ErrorJson.reply(404, "notFound", "No such fake admin call: " + method + " "
            + rawPath);
      };
    } catch (IOException e) {
      return ErrorJson.reply(400, "invalid", "Invalid JSON: " + e.getMessage());
    } catch (GoogleApiError e) {
      return ErrorJson.reply(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return ErrorJson.reply(400, "invalid", e.getMessage());
    }
  }

  private Reply installFaults(JsonNode json) {
    var rules = FaultPlanJson.rules(json);
    if (json.path("replace").asBoolean(false)) {
      fake.faults().clear();
    }
    if (json.has("seed")) {
      fake.faults().seed(json.get("seed").asLong());
    }
    rules.forEach(fake.faults()::add);
    return listFaults();
  }

  private Reply listFaults() {
    ObjectNode out = GoogleJson.object();
    var array = out.putArray("rules");
    for (FaultRule rule : fake.faults().rules()) {
      array.addObject().put("rule", rule.toString()).put("fired", rule.fired());
    }
    return Reply.ok(out);
  }
}
