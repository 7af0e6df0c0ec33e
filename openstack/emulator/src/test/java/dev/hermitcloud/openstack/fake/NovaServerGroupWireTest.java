package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.time.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerGroup;
import org.openstack4j.model.image.v2.Image;

/**
 * Nova 2.1 server groups through openstack4j and raw HTTP, pinned to what the real Zed cloud answered
 * (openstack/local-cloud/FINDINGS.md): the shapes, the refusals, members, and anti-affinity on one host.
 */
class NovaServerGroupWireTest {
  private static FakeOpenStack cloud;
  private static OSClientV3 os;
  private static Image image;
  private static String token;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.builder().buildTime(Duration.ofMillis(50)).deleteTime(Duration.ofMillis(50)).start();
    os = OpenStackClients.password(cloud);
    token = os.getToken().getId();
    image = TestImages.activeRaw(os, "group-test", 1);
  }

  /** openstack4j keeps its session per thread: a test that talks to another cloud takes it over. */
  @BeforeEach
  void session() {
    os = OpenStackClients.password(cloud);
    token = os.getToken().getId();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static HttpResponse<String> call(String method, String path, String json) throws Exception {
    return RawHttp.send(method, cloud.baseUrl() + "/compute/v2.1" + path, token, json);
  }

  private static Server boot(String name, String group) {
    return os.compute().servers().boot(Builders.server().name(name).image(image.getId()).flavor("1")
        .networks(List.of(cloud.networkId("private"))).addSchedulerHint("group", group).build());
  }

  @Test
  void aGroupIsCreatedWithOnePolicyAndShownWithEmptyMetadataAndItsMembers() throws Exception {
    HttpResponse<String> created = call("POST", "/os-server-groups",
        "{\"server_group\": {\"name\": \"wire-g\", \"policies\": [\"affinity\"]}}");
    assertThat(created.statusCode()).as("Nova answers a group's creation with 200").isEqualTo(200);
    JsonNode group = RawHttp.json(created).path("server_group");
    assertThat(group.path("policies").toString()).isEqualTo("[\"affinity\"]");
    assertThat(group.path("metadata").isObject() && group.path("metadata").isEmpty()).isTrue();
    assertThat(group.path("members").isArray() && group.path("members").isEmpty()).isTrue();

    ServerGroup listed = os.compute().serverGroups().list().stream().filter(g -> g.getId().equals(group.path("id").asText()))
        .findFirst().orElseThrow();
    assertThat(listed.getName()).isEqualTo("wire-g");
    assertThat(call("DELETE", "/os-server-groups/" + listed.getId(), null).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = call("GET", "/os-server-groups/" + listed.getId(), null);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(RawHttp.json(gone).path("itemNotFound").path("message").asText())
        .isEqualTo("Instance group " + listed.getId() + " could not be found.");
  }

  @Test
  void theSoftPoliciesAndMetadataAreRefusedAtTwoPointOne() throws Exception {
    HttpResponse<String> soft = call("POST", "/os-server-groups",
        "{\"server_group\": {\"name\": \"wire-s\", \"policies\": [\"soft-anti-affinity\"]}}");
    assertThat(soft.statusCode()).isEqualTo(400);
    assertThat(RawHttp.json(soft).path("badRequest").path("message").asText()).isEqualTo("Invalid input for field/attribute 0."
        + " Value: soft-anti-affinity. 'soft-anti-affinity' is not one of ['anti-affinity', 'affinity']");
    HttpResponse<String> metadata = call("POST", "/os-server-groups",
        "{\"server_group\": {\"name\": \"wire-m\", \"policies\": [\"affinity\"], \"metadata\": {\"a\": \"b\"}}}");
    assertThat(metadata.statusCode()).isEqualTo(400);
    assertThat(RawHttp.json(metadata).path("badRequest").path("message").asText())
        .endsWith("Additional properties are not allowed ('metadata' was unexpected)");
  }

  @Test
  void antiAffinityOnTheOneHostPlacesTheFirstServerAndTheSchedulerRefusesASecondWhichStaysAMember() {
    ServerGroup group = os.compute().serverGroups().create("wire-anti", "anti-affinity");
    Server first = boot("wire-anti-0", group.getId());
    Server placed = Eventually.get(() -> os.compute().servers().get(first.getId()), s -> s.getStatus() != Server.Status.BUILD);
    Server second = boot("wire-anti-1", group.getId());

    Server refused = Eventually.get(() -> os.compute().servers().get(second.getId()), s -> s.getStatus() != Server.Status.BUILD);
    assertThat(placed.getStatus()).isEqualTo(Server.Status.ACTIVE);
    assertThat(refused.getStatus()).isEqualTo(Server.Status.ERROR);
    assertThat(refused.getFault().getCode()).isEqualTo(500);
    assertThat(refused.getFault().getMessage()).isEqualTo("No valid host was found. There are not enough hosts available.");
    assertThat(os.compute().serverGroups().get(group.getId()).getMembers()).containsExactlyInAnyOrder(first.getId(), second.getId());

    os.compute().servers().delete(second.getId());
    Eventually.get(() -> os.compute().serverGroups().get(group.getId()).getMembers(), m -> m.equals(List.of(first.getId())));
    os.compute().servers().delete(first.getId());
    os.compute().serverGroups().delete(group.getId());
  }

  @Test
  void twoMembersOfAnAntiAffinityGroupBootedTogetherOnTheOneHostBothFailNovaComputesOwnCheck() {
    // neither holds the host when the other is scheduled, so both pass the scheduler and meet the
    // compute host's late check, which has no other host to retry on (as the real cloud answered)
    try (FakeOpenStack slow = FakeOpenStack.builder().buildTime(Duration.ofSeconds(2)).deleteTime(Duration.ofMillis(50)).start()) {
      OSClientV3 client = OpenStackClients.password(slow);
      Image disk = TestImages.activeRaw(client, "group-pair", 1);
      ServerGroup group = client.compute().serverGroups().create("wire-pair", "anti-affinity");
      List<Server> pair = List.of("wire-pair-0", "wire-pair-1").stream().map(name -> client.compute().servers().boot(
          Builders.server().name(name).image(disk.getId()).flavor("1").networks(List.of(slow.networkId("private")))
              .addSchedulerHint("group", group.getId()).build())).map(s -> (Server) s).toList();

      for (Server booted : pair) {
        Server settled = Eventually.get(() -> client.compute().servers().get(booted.getId()),
            s -> s.getStatus() != Server.Status.BUILD);
        assertThat(settled.getStatus()).isEqualTo(Server.Status.ERROR);
        assertThat(settled.getFault().getMessage()).isEqualTo("Exceeded maximum number of retries. Exhausted all hosts"
            + " available for retrying build failures for instance " + booted.getId() + ".");
      }
    }
  }

  @Test
  void aHintNamingNoGroupIsABadRequest() throws Exception {
    String missing = "0f6b0a2c-3c7d-4a8e-9d1e-2b3c4d5e6f71";
    HttpResponse<String> r = call("POST", "/servers", "{\"server\": {\"name\": \"wire-x\", \"imageRef\": \"" + image.getId()
        + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + cloud.networkId("private") + "\"}]},"
        + " \"os:scheduler_hints\": {\"group\": \"" + missing + "\"}}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(RawHttp.json(r).path("badRequest").path("message").asText())
        .isEqualTo("Instance group " + missing + " could not be found.");
  }
}
