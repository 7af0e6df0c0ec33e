package dev.hermitcloud.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.fault.FaultJson;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Handler;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The emulator's own HTTP API under {@code /_fake/} (no token, never counted, never faulted):
 *
 * <ul>
 *   <li>{@code GET /_fake/stats}: {@link RequestStats#toJson()}, the armed {@code faults}, plus
 *       what the cloud adds ({@code resources}, app stand-in {@code endpoints});
 *   <li>{@code POST /_fake/faults}: rules in the {@link FaultJson} form (and the cloud's own
 *       top-level events, such as OpenStack's {@code {"expireTokens": true}}); answers the list;
 *   <li>{@code GET /_fake/faults}: the rules with how often each fired; {@code DELETE
 *       /_fake/faults}: remove them all;
 *   <li>{@code POST /_fake/reset}: zero the counters and remove the faults; {@code {"state":
 *       true}} also drops every resource, where the cloud can;
 *   <li>{@code POST /_fake/app-stand-in}: {@code {"enabled": true|false}};
 *   <li>whatever the cloud adds with {@link #route}.
 * </ul>
 */
public final class AdminApi {
  /** How the cloud resets: counters and faults are the kit's, {@code state} is the cloud's. */
  @FunctionalInterface
  public interface Reset {
    /** Drops every resource, back to the start; refuse (throw) where the cloud cannot. */
    void dropState();
  }

  private final Router router = new Router();
  private final RequestStats stats;
  private final FaultPlan faults;
  private final FaultJson faultJson;
  private final Map<String, Consumer<JsonNode>> events = new LinkedHashMap<>();
  private Consumer<ObjectNode> statsExtra = json -> { };
  private Reset reset = () -> {
    throw ApiError.of(400, "invalid", "this emulator cannot drop its state");
  };
  private Runnable afterReset = () -> { };

  public AdminApi(RequestStats stats, FaultPlan faults, FaultJson faultJson) {
    this.stats = stats;
    this.faults = faults;
    this.faultJson = faultJson;
    route("GET", "stats", r -> Reply.ok(stats()));
    route("POST", "faults", this::installFaults);
    route("GET", "faults", r -> Reply.ok(FaultJson.list(faults.rules())));
    route("DELETE", "faults", r -> {
      faults.clear();
      return Reply.empty(204);
    });
    route("POST", "reset", r -> {
      boolean dropState = body(r).path("state").asBoolean(false);
      stats.reset();
      faults.clear();
      if (dropState) {
        reset.dropState();
      }
      afterReset.run();
      return Reply.empty(204);
    });
  }

  /** Adds a cloud call under {@code /_fake/}, e.g. {@code route("POST", "console/{id}", ...)}. */
  public AdminApi route(String method, String subPath, Handler handler) {
    router.add(method, "/_fake/" + subPath, false, guarded(handler));
    return this;
  }

  /** Adds what the cloud shows in {@code GET /_fake/stats}. */
  public AdminApi statsExtra(Consumer<ObjectNode> extra) {
    this.statsExtra = extra;
    return this;
  }

  /**
   * Adds a cloud-side failure no single request causes, armed by a top-level key of the faults
   * document, e.g. {@code event("expireTokens", json -> tokens.revokeAll())}.
   */
  public AdminApi event(String key, Consumer<JsonNode> action) {
    events.put(key, action);
    return this;
  }

  /** How {@code {"state": true}} drops the cloud's resources. */
  public AdminApi onDropState(Reset dropState) {
    this.reset = dropState;
    return this;
  }

  /** Runs after every reset (e.g. the cloud's own fault queues are emptied too). */
  public AdminApi afterReset(Runnable hook) {
    this.afterReset = hook;
    return this;
  }

  /** Adds {@code POST /_fake/app-stand-in}. */
  public AdminApi appStandIn(Consumer<Boolean> enable) {
    return route("POST", "app-stand-in", r -> {
      enable.accept(body(r).path("enabled").asBoolean(true));
      return Reply.empty(204);
    });
  }

  /** The routes, for {@code EmulatorServer.Builder.admin}. */
  public Router router() {
    return router;
  }

  /** An admin request's JSON body; empty is {@code {}}. */
  public static JsonNode body(Request request) {
    byte[] bytes = request.body();
    if (bytes.length == 0) {
      return Json.object();
    }
    try {
      return Json.parse(bytes);
    } catch (IOException e) {
      throw ApiError.of(400, "invalid", "Invalid JSON: " + e.getMessage());
    }
  }

  private Reply installFaults(Request request) {
    JsonNode json = body(request);
    FaultJson.Document document = faultJson.read(json);
    events.forEach((key, action) -> {
      if (json.has(key) && !json.get(key).asText().equals("false")) {
        action.accept(json.get(key));
      }
    });
    if (document.replace()) {
      faults.clear();
    }
    if (document.seed() != null) {
      faults.seed(document.seed());
    }
    document.rules().forEach(faults::add);
    return Reply.ok(FaultJson.list(faults.rules()));
  }

  private ObjectNode stats() {
    ObjectNode out = stats.toJson();
    out.set("faults", FaultJson.list(faults.armed()).get("rules"));
    statsExtra.accept(out);
    return out;
  }

  /** Turns the kit's refusals of bad input into 400s rather than crashes. */
  private static Handler guarded(Handler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw ApiError.of(400, "invalid", e.getMessage());
      }
    };
  }
}
