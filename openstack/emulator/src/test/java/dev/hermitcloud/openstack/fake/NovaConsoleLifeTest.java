package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.time.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.Server;

/**
 * The console action over a server's life, answered as real Nova (Zed) answered it on this project's own
 * cloud (openstack/local-cloud/FINDINGS.md, "Console output"): 409 while scheduled, 404 "could not be
 * found" while spawning, the text once ACTIVE, and 404 "Guest does not have a console available." once
 * the server is stopped; {@code os-stop} as Nova takes it.
 */
class NovaConsoleLifeTest {
  @Test
  void consoleAnswersFollowTheServerFromSchedulingToShutoff() throws Exception {
    try (FakeOpenStack cloud = FakeOpenStack.builder().buildTime(Duration.ofSeconds(2)).deleteTime(Duration.ofMillis(50)).start()) {
      OSClientV3 os = OpenStackClients.password(cloud);
      String image = TestImages.activeRaw(os, "console-life", 1).getId();
      Server booted = os.compute().servers().boot(Builders.server().name("life").image(image).flavor("1")
          .addSecurityGroup("default").networks(List.of(cloud.networkId("private"))).build());
      String id = booted.getId();
      String token = os.getToken().getId();

      HttpResponse<String> scheduled = console(cloud, token, id);
      assertThat(scheduled.statusCode()).isEqualTo(409);
      assertThat(message(scheduled, "conflictingRequest")).isEqualTo("Instance " + id + " is not ready");

      Eventually.get(() -> os.compute().servers().get(id), s -> "spawning".equals(s.getTaskState()));
      HttpResponse<String> spawning = console(cloud, token, id);
      assertThat(spawning.statusCode()).isEqualTo(404);
      assertThat(message(spawning, "itemNotFound")).isEqualTo("Instance " + id + " could not be found.");

      Eventually.get(() -> os.compute().servers().get(id), s -> s.getStatus() == Server.Status.ACTIVE);
      HttpResponse<String> active = console(cloud, token, id);
      assertThat(active.statusCode()).isEqualTo(200);
      assertThat(RawHttp.json(active).path("output").asText()).startsWith("fake-openstack: powering on life");

      assertThat(os.compute().servers().action(id, Action.STOP).isSuccess()).isTrue();
      var again = os.compute().servers().action(id, Action.STOP);
      assertThat(again.getCode()).isEqualTo(409);
      assertThat(again.getFault()).startsWith("Cannot 'stop' instance " + id + " while it is in vm_state");
      Server off = Eventually.get(() -> os.compute().servers().get(id), s -> s.getStatus() == Server.Status.SHUTOFF);
      assertThat(off.getPowerState()).isEqualTo("4");
      assertThat(off.getVmState()).isEqualTo("stopped");
      HttpResponse<String> stopped = console(cloud, token, id);
      assertThat(stopped.statusCode()).isEqualTo(404);
      assertThat(message(stopped, "itemNotFound")).isEqualTo("Guest does not have a console available.");
    }
  }

  private static HttpResponse<String> console(FakeOpenStack cloud, String token, String id) throws Exception {
    return RawHttp.send("POST", cloud.baseUrl() + "/compute/v2.1/servers/" + id + "/action", token,
        "{\"os-getConsoleOutput\": {}}");
  }

  private static String message(HttpResponse<String> response, String kind) throws Exception {
    JsonNode body = RawHttp.json(response);
    assertThat(body.path(kind).path("code").asInt()).isEqualTo(response.statusCode());
    return body.path(kind).path("message").asText();
  }
}
