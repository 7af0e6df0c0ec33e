package dev.hermitcloud.emulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON form of fault rules, as sent to {@code POST /_fake/faults}:
 *
 * <pre>{@code
 * {"seed": 7, "replace": true, "rules": [
 *   {"method": "POST", "path": "/compute/v2.1/servers", "times": 2,
 *    "fault": {"kind": "HTTP_ERROR", "status": 429, "retryAfterSeconds": 1}},
 *   {"mutating": true, "skip": 3, "always": true, "fault": {"kind": "HTTP_ERROR", "status": 403}},
 *   {"probability": 0.1, "always": true, "fault": {"kind": "CONNECTION_RESET"}},
 *   {"always": true, "fault": {"kind": "LATENCY", "millis": 50}}]}
 * }</pre>
 *
 * <p>A rule: {@code method} and {@code path} (a template as counted; both default to "*"), or
 * {@code "mutating": true}; {@code skip} (default 0); {@code times} (default 1) or {@code "always":
 * true}; {@code probability} (default 1). Kinds: {@code HTTP_ERROR} ({@code status}, {@code
 * reason}, {@code message}, {@code retryAfterSeconds}), {@code CONNECTION_RESET}, {@code
 * RESPONSE_LOST}, {@code TRUNCATED_RESPONSE}, {@code CUT_BODY}, {@code REQUEST_BODY_CUT} ({@code
 * fraction}), {@code LATENCY} ({@code millis}), plus the kinds the cloud adds (its presets and
 * effects). Anything malformed is refused whole with a 400, so no rule of a bad document is added.
 */
public final class FaultJson {
  /** A fault document read: the seed to restart from (or null), whether to drop earlier rules. */
  public record Document(Long seed, boolean replace, List<FaultRule> rules) {}

  private final Map<String, Function<JsonNode, Fault>> cloudKinds;

  /** @param cloudKinds the cloud's own kinds, by name, read from the {@code fault} object */
  public FaultJson(Map<String, Function<JsonNode, Fault>> cloudKinds) {
    this.cloudKinds = Map.copyOf(cloudKinds);
  }

  public Document read(JsonNode root) {
    List<FaultRule> rules = new ArrayList<>();
    try {
      for (JsonNode r : root.path("rules")) {
        rules.add(rule(r));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ApiError.of(400, "invalid", "Invalid fault rule: " + e.getMessage());
    }
    Long seed = root.has("seed") ? root.get("seed").asLong() : null;
    return new Document(seed, root.path("replace").asBoolean(false), rules);
  }

  /** The rules as {@code GET /_fake/faults} lists them. */
  public static ObjectNode list(List<FaultRule> rules) {
    ObjectNode out = Json.object();
    ArrayNode array = out.putArray("rules");
    for (FaultRule rule : rules) {
      array.addObject().put("rule", rule.toString()).put("fired", rule.fired())
          .put("armed", rule.armed());
    }
    return out;
  }

  private FaultRule rule(JsonNode r) {
    FaultRule rule = r.path("mutating").asBoolean(false) ? FaultRule.mutating()
        : FaultRule.on(r.path("method").asText(FaultRule.ANY), r.path("path").asText(FaultRule.ANY));
    if (r.has("skip")) {
      rule.skipFirst(r.get("skip").asInt());
    }
    if (r.path("always").asBoolean(false)) {
      rule.always();
    } else if (r.has("times")) {
      rule.times(r.get("times").asInt());
    }
    if (r.has("probability")) {
      rule.probability(r.get("probability").asDouble());
    }
    return rule.inject(fault(r.path("fault")));
  }

  private Fault fault(JsonNode f) {
    String kind = f.path("kind").asText("");
    Function<JsonNode, Fault> cloud = cloudKinds.get(kind);
    if (cloud != null) {
      return cloud.apply(f);
    }
    return switch (kind) {
      case "HTTP_ERROR" -> httpError(f);
      case "CONNECTION_RESET" -> Fault.connectionReset();
      case "RESPONSE_LOST" -> Fault.responseLost();
      case "TRUNCATED_RESPONSE" -> Fault.truncatedResponse();
      case "CUT_BODY" -> Fault.cutBody();
      case "REQUEST_BODY_CUT" -> Fault.requestBodyCut(f.path("fraction").asDouble(0.5));
      case "LATENCY" -> Fault.latency(Duration.ofMillis(f.path("millis").asLong(100)));
      default -> throw new IllegalArgumentException("unknown fault kind '" + kind + "'");
    };
  }

  private static Fault httpError(JsonNode f) {
    Fault fault = Fault.httpError(f.path("status").asInt(500));
    if (f.has("reason")) {
      fault = fault.reason(f.get("reason").asText());
    }
    if (f.has("message")) {
      fault = fault.message(f.get("message").asText());
    }
    if (f.has("retryAfterSeconds")) {
      fault = fault.retryAfter(f.get("retryAfterSeconds").asInt());
    }
    return fault;
  }
}
