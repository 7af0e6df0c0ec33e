package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;

/** The {@code /_fake} HTTP controls and the standalone launcher. */
class AdminApiTest {

  @Test
  void statsShowCountsCreationsAndResources() throws Exception {
    try (FakeOpenStack cloud = FakeOpenStack.start()) {
      OSClientV3 os = OpenStackClients.password(cloud);
      os.networking().securitygroup().create(Builders.securityGroup().name("seen").build());

      JsonNode stats = RawHttp.json(RawHttp.send("GET", cloud.baseUrl() + "/_fake/stats", null,
          null));
      assertThat(stats.path("requests").path("POST /network/v2.0/security-groups").asInt())
          .isEqualTo(1);
      assertThat(stats.path("requests").path("POST /v3/auth/tokens").asInt()).isEqualTo(1);
      assertThat(stats.path("mutating").asInt()).isEqualTo(1);
      assertThat(stats.path("creations").path("security_group/seen").asInt()).isEqualTo(1);
      assertThat(stats.path("resources").path("security_groups")).extracting(g -> g.path("name")
          .asText()).contains("default", "seen");
      assertThat(stats.path("resources").path("networks")).hasSize(2);
      assertThat(stats.path("requests").has("GET /_fake/stats")).isFalse();
    }
  }

  @Test
  void faultsArmedOverHttpApplyAndResetZeroesCounters() throws Exception {
    try (FakeOpenStack cloud = FakeOpenStack.start()) {
      String token = OpenStackClients.password(cloud).getToken().getId();
      String rule = "{\"rules\":[{\"method\":\"GET\",\"path\":\"/compute/v2.1/flavors\","
          + "\"fault\":{\"kind\":\"HTTP_ERROR\",\"status\":429,\"retryAfterSeconds\":4}}]}";
      assertThat(RawHttp.send("POST", cloud.baseUrl() + "/_fake/faults", null, rule).statusCode())
          .isEqualTo(200);
      var limited = RawHttp.send("GET", cloud.baseUrl() + "/compute/v2.1/flavors", token, null);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("4");

      RawHttp.send("POST", cloud.baseUrl() + "/_fake/faults", null, "{\"expireTokens\":true}");
      assertThat(RawHttp.send("GET", cloud.baseUrl() + "/compute/v2.1/flavors", token, null)
          .statusCode()).isEqualTo(401);

      RawHttp.send("POST", cloud.baseUrl() + "/_fake/reset", null, null);
      assertThat(cloud.requestCounts()).isEmpty();
    }
  }

  @Test
  void theLauncherPrintsTheOsVariablesAndCloudsYaml() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FakeOpenStack cloud = FakeOpenStackMain.launch(
        new String[] {"--port", "0", "--user", "ci", "--password", "pw", "--project", "p1"},
        new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text).contains("export OS_AUTH_URL=" + cloud.authUrl())
          .contains("export OS_USERNAME=ci").contains("export OS_PROJECT_NAME=p1")
          .contains("      auth_url: " + cloud.authUrl());
      assertThat(cloud.user()).isEqualTo("ci");
      assertThat(OpenStackClients.password(cloud).getToken().getProject().getName())
          .isEqualTo("p1");
    }
  }
}
