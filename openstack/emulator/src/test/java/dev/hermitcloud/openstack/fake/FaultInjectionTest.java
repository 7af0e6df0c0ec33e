package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's fault rules on the wire: shapes per service, counting, chance, no state change. */
class FaultInjectionTest {
  private FakeOpenStack cloud;
  private String token;

  @BeforeEach
  void start() {
    cloud = FakeOpenStack.start();
    token = OpenStackClients.password(cloud).getToken().getId();
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    return RawHttp.send(method, cloud.baseUrl() + path, token, json);
  }

  @Test
  void novaRateLimitCarriesRetryAfterInHeaderAndBody() throws Exception {
    cloud.faults().add(FaultRule.on("GET /compute/v2.1/servers/detail").inject(Fault.httpError(429).retryAfter(7)));
    HttpResponse<String> r = call("GET", "/compute/v2.1/servers/detail", null);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("7");
    JsonNode overLimit = RawHttp.json(r).path("overLimit");
    assertThat(overLimit.path("code").asInt()).isEqualTo(429);
    assertThat(overLimit.path("retryAfter").asText()).isEqualTo("7");
    assertThat(overLimit.path("message").asText()).isNotEmpty();
    assertThat(call("GET", "/compute/v2.1/servers/detail", null).statusCode()).isEqualTo(200);
  }

  @Test
  void neutronAndGlanceErrorsHaveTheirOwnShapes() throws Exception {
    cloud.faults().add(FaultRule.on("GET /network/v2.0/networks").inject(Fault.httpError(409)));
    JsonNode neutron = RawHttp.json(call("GET", "/network/v2.0/networks", null));
    assertThat(neutron.path("NeutronError").path("type").asText()).isEqualTo("HTTPConflict");
    assertThat(neutron.path("NeutronError").has("detail")).isTrue();

    cloud.faults().add(FaultRule.on("GET /image/v2/images").inject(Fault.httpError(413).retryAfter(2)));
    HttpResponse<String> glance = call("GET", "/image/v2/images", null);
    assertThat(glance.statusCode()).isEqualTo(413);
    assertThat(glance.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(glance.body()).startsWith("413 Request Entity Too Large");
    assertThat(glance.headers().firstValue("Retry-After")).contains("2");
    assertThat(glance.headers().firstValue("x-openstack-request-id").orElseThrow())
        .startsWith("req-");
  }

  @Test
  void anInjectedErrorChangesNothing() throws Exception {
    cloud.faults().add(FaultRule.on("POST /network/v2.0/security-groups").inject(Fault.httpError(500)));
    HttpResponse<String> r =
        call("POST", "/network/v2.0/security-groups", "{\"security_group\":{\"name\":\"x\"}}");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(cloud.securityGroups()).extracting(FakeResource::name).containsExactly("default");
    assertThat(cloud.creationCount("security_group", "x")).isZero();
    assertThat(cloud.requestCount("POST /network/v2.0/security-groups")).isEqualTo(1);
    assertThat(cloud.mutatingRequestCount()).isEqualTo(1);
  }

  @Test
  void anInjected401RevokesTheCallersToken() throws Exception {
    cloud.faults().add(FaultRule.on("GET /compute/v2.1/flavors").inject(Fault.httpError(401)));
    assertThat(call("GET", "/compute/v2.1/flavors", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/network/v2.0/networks", null).statusCode()).isEqualTo(401);
  }

  @Test
  void timesLimitsHowOftenARuleFires() throws Exception {
    cloud.faults().add(FaultRule.on("GET /compute/v2.1/flavors").times(2).inject(Fault.httpError(503)));
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(call("GET", "/compute/v2.1/flavors", null).statusCode());
    }
    assertThat(statuses).containsExactly(503, 503, 200);
    assertThat(cloud.faults().armed()).isEmpty();
  }

  @Test
  void chanceIsDrawnFromTheSeededRandom() throws Exception {
    List<Integer> first = statusesUnderChance(7);
    List<Integer> again = statusesUnderChance(7);
    assertThat(first).isEqualTo(again).contains(200, 503);
  }

  private List<Integer> statusesUnderChance(long seed) throws Exception {
    try (FakeOpenStack seeded = FakeOpenStack.builder().seed(seed).start()) {
      String t = OpenStackClients.password(seeded).getToken().getId();
      seeded.faults().add(FaultRule.any().probability(0.5).always().inject(Fault.httpError(503)));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        statuses.add(RawHttp.send("GET", seeded.baseUrl() + "/compute/v2.1/flavors", t, null)
            .statusCode());
      }
      return statuses;
    }
  }

  @Test
  void consoleReadsDoNotCountAsMutating() throws Exception {
    call("POST", "/compute/v2.1/servers/nope/action", "{\"os-getConsoleOutput\":{\"length\":5}}");
    call("GET", "/compute/v2.1/servers/detail", null);
    assertThat(cloud.mutatingRequestCount()).isZero();
    call("DELETE", "/compute/v2.1/servers/nope", null);
    assertThat(cloud.mutatingRequestCount()).isEqualTo(1);
    cloud.resetCounters();
    assertThat(cloud.requestCounts()).isEmpty();
  }

  @Test
  void aMutatingOnlyRuleLetsSomeThroughThenRefusesEveryChangeButNoRead() throws Exception {
    cloud.faults().add(FaultRule.mutating().skipFirst(2).always().inject(Fault.httpError(403)));
    String group = "{\"security_group\":{\"name\":\"g\"}}";
    assertThat(call("POST", "/network/v2.0/security-groups", group).statusCode()).isEqualTo(201);
    assertThat(call("GET", "/network/v2.0/security-groups", null).statusCode()).isEqualTo(200);
    assertThat(call("POST", "/network/v2.0/security-groups", group).statusCode()).isEqualTo(201);
    assertThat(call("POST", "/network/v2.0/security-groups", group).statusCode()).isEqualTo(403);
    assertThat(call("DELETE", "/compute/v2.1/servers/nope", null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/compute/v2.1/servers/detail", null).statusCode()).isEqualTo(200);
    assertThat(cloud.creations()).containsEntry("security_group/g", 2);
  }

  @Test
  void reseedingReplaysTheSameChances() throws Exception {
    cloud.faults().add(FaultRule.any().probability(0.5).always().inject(Fault.httpError(503)));
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      cloud.faults().seed(11);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        statuses.add(call("GET", "/compute/v2.1/flavors", null).statusCode());
      }
      runs.add(statuses);
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(200, 503);
  }
}
