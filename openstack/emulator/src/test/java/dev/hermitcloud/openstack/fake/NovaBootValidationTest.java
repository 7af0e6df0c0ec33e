package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.time.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;

/** Nova's checks on {@code POST /servers}, and Neutron's on what servers use, over plain HTTP. */
class NovaBootValidationTest {
  private FakeOpenStack cloud;
  private String token;
  private String image;

  @BeforeEach
  void start() {
    cloud = FakeOpenStack.builder().buildTime(Duration.ofMillis(20))
        .network("private", "127.0.2.0/24", false).network("backend", "127.0.3.0/24", false)
        .network("public", "127.0.1.0/24", true).start();
    OSClientV3 os = OpenStackClients.password(cloud);
    token = os.getToken().getId();
    image = TestImages.activeRaw(os, "boot-checks", 0).getId();
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  private HttpResponse<String> boot(String name, String extraFields) throws Exception {
    String body = "{\"server\":{\"name\":\"" + name + "\",\"imageRef\":\"" + image
        + "\",\"flavorRef\":\"1\"" + extraFields + "}}";
    return RawHttp.send("POST", cloud.baseUrl() + "/compute/v2.1/servers", token, body);
  }

  private JsonNode waitActive(HttpResponse<String> booted) throws Exception {
    String id = RawHttp.json(booted).path("server").path("id").asText();
    return Eventually.get(() -> {
      try {
        return RawHttp.json(RawHttp.send("GET", cloud.baseUrl() + "/compute/v2.1/servers/" + id,
            token, null)).path("server");
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, s -> s.path("status").asText().equals("ACTIVE"));
  }

  @Test
  void networksNoneAutoAndAmbiguous() throws Exception {
    JsonNode none = waitActive(boot("none", ",\"networks\":\"none\""));
    assertThat(none.path("addresses").size()).isZero();

    HttpResponse<String> ambiguous = boot("ambiguous", "");
    assertThat(ambiguous.statusCode()).isEqualTo(409);
    assertThat(RawHttp.json(ambiguous).path("conflictingRequest").path("message").asText())
        .contains("Multiple possible networks found");

    String backend = cloud.networkId("backend");
    JsonNode chosen = waitActive(
        boot("chosen", ",\"networks\":[{\"uuid\":\"" + backend + "\"}]"));
    assertThat(chosen.path("addresses").path("backend").get(0).path("addr").asText())
        .startsWith("127.0.3.");

    HttpResponse<String> external = boot("external",
        ",\"networks\":[{\"uuid\":\"" + cloud.networkId("public") + "\"}]");
    assertThat(external.statusCode()).isEqualTo(403);
  }

  @Test
  void malformedFieldsAreBadRequestsInNovaShape() throws Exception {
    HttpResponse<String> userData = boot("bad-user-data", ",\"networks\":\"none\","
        + "\"user_data\":\"not base64!\"");
    assertThat(userData.statusCode()).isEqualTo(400);
    assertThat(RawHttp.json(userData).path("badRequest").path("message").asText())
        .isEqualTo("User data needs to be valid base 64.");

    String noFlavor = "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + image
        + "\",\"flavorRef\":\"999\",\"networks\":\"none\"}}";
    HttpResponse<String> flavor =
        RawHttp.send("POST", cloud.baseUrl() + "/compute/v2.1/servers", token, noFlavor);
    assertThat(RawHttp.json(flavor).path("badRequest").path("message").asText())
        .isEqualTo("Invalid flavorRef provided.");

    assertThat(boot(" padded", ",\"networks\":\"none\"").statusCode()).isEqualTo(400);
    assertThat(cloud.servers()).isEmpty();
    assertThat(cloud.creations()).doesNotContainKeys("server/bad-user-data", "server/x");
  }

  @Test
  void consoleOfABuildingServerIsAConflict() throws Exception {
    cloud.timings().build(Duration.ofMinutes(5));
    String id = RawHttp.json(boot("slow", ",\"networks\":\"none\"")).path("server").path("id")
        .asText();
    HttpResponse<String> console = RawHttp.send("POST",
        cloud.baseUrl() + "/compute/v2.1/servers/" + id + "/action", token,
        "{\"os-getConsoleOutput\":{\"length\":10}}");
    assertThat(console.statusCode()).isEqualTo(409);
    assertThat(RawHttp.json(console).path("conflictingRequest").path("code").asInt())
        .isEqualTo(409);
  }

  @Test
  void aSecurityGroupInUseOrTheDefaultOneCannotBeDeleted() throws Exception {
    String group = RawHttp.json(RawHttp.send("POST", cloud.baseUrl()
            + "/network/v2.0/security-groups", token, "{\"security_group\":{\"name\":\"used\"}}"))
        .path("security_group").path("id").asText();
    waitActive(boot("user", ",\"networks\":[{\"uuid\":\"" + cloud.networkId("private")
        + "\"}],\"security_groups\":[{\"name\":\"used\"}]"));

    HttpResponse<String> inUse = RawHttp.send("DELETE",
        cloud.baseUrl() + "/network/v2.0/security-groups/" + group, token, null);
    assertThat(inUse.statusCode()).isEqualTo(409);
    assertThat(RawHttp.json(inUse).path("NeutronError").path("type").asText())
        .isEqualTo("SecurityGroupInUse");

    String defaultId = cloud.securityGroups().stream().filter(g -> g.name().equals("default"))
        .findFirst().orElseThrow().id();
    assertThat(RawHttp.send("DELETE", cloud.baseUrl() + "/network/v2.0/security-groups/"
        + defaultId, token, null).statusCode()).isEqualTo(409);
  }

  @Test
  void floatingIpMovesAndDetachesWithPut() throws Exception {
    JsonNode server = waitActive(boot("moving", ",\"networks\":[{\"uuid\":\""
        + cloud.networkId("private") + "\"}]"));
    String port = cloud.ports().stream()
        .filter(p -> p.field("device_id").equals(server.path("id").asText()))
        .findFirst().orElseThrow().id();
    String fip = RawHttp.json(RawHttp.send("POST", cloud.baseUrl() + "/network/v2.0/floatingips",
            token, "{\"floatingip\":{\"floating_network_id\":\"" + cloud.networkId("public")
                + "\"}}"))
        .path("floatingip").path("id").asText();

    JsonNode attached = RawHttp.json(RawHttp.send("PUT", cloud.baseUrl()
        + "/network/v2.0/floatingips/" + fip, token,
        "{\"floatingip\":{\"port_id\":\"" + port + "\"}}")).path("floatingip");
    assertThat(attached.path("port_id").asText()).isEqualTo(port);
    assertThat(attached.path("status").asText()).isEqualTo("ACTIVE");

    JsonNode detached = RawHttp.json(RawHttp.send("PUT", cloud.baseUrl()
        + "/network/v2.0/floatingips/" + fip, token, "{\"floatingip\":{\"port_id\":null}}"))
        .path("floatingip");
    assertThat(detached.path("port_id").isNull()).isTrue();
    assertThat(cloud.creationCount("floating_ip", "-")).isEqualTo(1);
  }
}
