package dev.hermitcloud.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.client.RawHttp;
import dev.hermitcloud.emulator.fault.FaultJson;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.http.EmulatorServer;
import dev.hermitcloud.emulator.http.PlainDialect;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /_fake/...}: stats, faults in their JSON form, reset, events, the app stand-in switch. */
class AdminApiTest {
  private final RequestStats stats = new RequestStats();
  private final FaultPlan faults = new FaultPlan(0);
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicInteger expired = new AtomicInteger();
  private final AtomicBoolean standIn = new AtomicBoolean();
  private EmulatorServer server;

  @BeforeEach
  void start() {
    AdminApi admin = new AdminApi(stats, faults, new FaultJson(Map.of()))
        .statsExtra(json -> json.putObject("resources").put("thing", 1))
        .event("expireTokens", json -> expired.incrementAndGet())
        .onDropState(dropped::incrementAndGet)
        .appStandIn(standIn::set)
        .route("POST", "echo/{word}", r -> Reply.ok(Json.object().put("word", r.var("word"))));
    Router routes = new Router().add("POST", "/things", r -> {
      stats.created("thing", "a");
      return Reply.empty(201);
    });
    server = EmulatorServer.builder("admin-test", new PlainDialect()).routes(routes)
        .admin(admin.router()).stats(stats).faults(faults).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String call(String method, String path, String body) throws Exception {
    return RawHttp.exchange(server.port(), method, path, body);
  }

  private JsonNode json(String response) {
    return Json.parse(RawHttp.body(response));
  }

  @Test
  void statsShowCountsCreationsFaultsAndTheCloudsPart() throws Exception {
    call("POST", "/things", null);
    call("POST", "/things", null);

    JsonNode body = json(call("GET", "/_fake/stats", null));

    assertThat(body.path("requests").path("POST /things").asInt()).isEqualTo(2);
    assertThat(body.path("mutatingRequests").asInt()).isEqualTo(2);
    assertThat(body.path("creations").path("thing/a").asInt()).isEqualTo(2);
    assertThat(body.path("duplicateCreations").get(0).asText()).isEqualTo("thing/a");
    assertThat(body.path("resources").path("thing").asInt()).isEqualTo(1);
    assertThat(body.path("requests").has("GET /_fake/stats")).isFalse();
  }

  @Test
  void faultsAreInstalledListedAppliedAndDeleted() throws Exception {
    String installed = call("POST", "/_fake/faults", "{\"seed\": 5, \"rules\": [{\"method\": \"POST\","
        + " \"path\": \"/things\", \"fault\": {\"kind\": \"HTTP_ERROR\", \"status\": 503}}]}");
    assertThat(installed).startsWith("HTTP/1.1 200");
    assertThat(json(installed).path("rules").get(0).path("rule").asText())
        .isEqualTo("POST /things -> HTTP 503 x1");

    assertThat(call("POST", "/things", null)).startsWith("HTTP/1.1 503");
    assertThat(call("POST", "/things", null)).startsWith("HTTP/1.1 201");
    JsonNode listed = json(call("GET", "/_fake/faults", null));
    assertThat(listed.path("rules").get(0).path("fired").asInt()).isEqualTo(1);
    assertThat(listed.path("rules").get(0).path("armed").asBoolean()).isFalse();

    assertThat(call("DELETE", "/_fake/faults", null)).startsWith("HTTP/1.1 204");
    assertThat(faults.rules()).isEmpty();
  }

  @Test
  void aBadDocumentIsRefusedWhole() throws Exception {
    String bad = call("POST", "/_fake/faults", "{\"rules\": [{\"fault\": {\"kind\": \"HTTP_ERROR\"}},"
        + " {\"fault\": {\"kind\": \"LIGHTNING\"}}]}");

    assertThat(bad).startsWith("HTTP/1.1 400");
    assertThat(faults.rules()).isEmpty();
    assertThat(call("POST", "/_fake/faults", "not json")).startsWith("HTTP/1.1 400");
  }

  @Test
  void cloudEventsRideInTheFaultsDocument() throws Exception {
    call("POST", "/_fake/faults", "{\"expireTokens\": true}");
    call("POST", "/_fake/faults", "{\"expireTokens\": false}");
    assertThat(expired.get()).isEqualTo(1);
  }

  @Test
  void resetZeroesCountersAndFaultsAndDropsStateOnlyWhenAsked() throws Exception {
    call("POST", "/things", null);
    call("POST", "/_fake/faults", "{\"rules\": [{\"always\": true, \"fault\": {\"kind\": \"RESPONSE_LOST\"}}]}");

    assertThat(call("POST", "/_fake/reset", null)).startsWith("HTTP/1.1 204");
    assertThat(stats.requestsByRoute()).isEmpty();
    assertThat(faults.rules()).isEmpty();
    assertThat(stats.creations("thing", "a")).isEqualTo(1);
    assertThat(dropped.get()).isZero();
    call("POST", "/_fake/reset", "{\"state\": true}");
    assertThat(dropped.get()).isEqualTo(1);
  }

  @Test
  void theAppStandInSwitchAndCloudRoutes() throws Exception {
    call("POST", "/_fake/app-stand-in", "{\"enabled\": true}");
    assertThat(standIn.get()).isTrue();
    assertThat(json(call("POST", "/_fake/echo/hi", null)).path("word").asText()).isEqualTo("hi");
    assertThat(call("GET", "/_fake/nothing", null)).startsWith("HTTP/1.1 404");
    assertThat(stats.requestsByRoute()).isEmpty();
    assertThat(stats.unknownRequests()).isEmpty();
  }
}
