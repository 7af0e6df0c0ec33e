package dev.hermitcloud.openstack.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.time.Eventually;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.openstack.OSFactory;

/** The proxy in front of the fake, used by real openstack4j clients as a user's code would. */
class RecordingProxyTest {
  private FakeOpenStack cloud;
  private RecordingProxy proxy;

  @BeforeEach
  void start() {
    cloud = FakeOpenStack.start();
    proxy = RecordingProxy.inFrontOf(cloud.authUrl());
  }

  @AfterEach
  void stop() {
    proxy.close();
    cloud.close();
  }

  private OSClientV3 client() {
    return OSFactory.builderV3().endpoint(proxy.authUrl())
        .credentials(cloud.user(), cloud.password(), Identifier.byName(cloud.domain()))
        .scopeToProject(Identifier.byName(cloud.project()), Identifier.byName(cloud.domain())).authenticate();
  }

  @Test
  void everyCallGoesThroughTheProxyAndIsCountedByServiceAndKind() {
    OSClientV3 os = client();
    assertThat(os.getToken().getCatalog()).allSatisfy(service -> assertThat(service.getEndpoints())
        .allSatisfy(e -> assertThat(e.getUrl().toString()).doesNotContain(":" + cloud.port() + "/")));
    cloud.resetCounters();

    SecurityGroup group = os.networking().securitygroup().create(
        org.openstack4j.api.Builders.securityGroup().name("proxied").build());
    os.networking().securitygroup().get(group.getId());
    os.networking().securitygroup().delete(group.getId());

    assertThat(proxy.requests()).containsEntry("network POST /v2.0/security-groups", 1L)
        .containsEntry("network GET /v2.0/security-groups/{id}", 1L)
        .containsEntry("network DELETE /v2.0/security-groups/{id}", 1L)
        .containsEntry("identity POST /auth/tokens", 1L);
    assertThat(proxy.mutatingRequests()).isEqualTo(2);
    assertThat(proxy.mutatingKinds()).containsOnlyKeys("network POST /v2.0/security-groups",
        "network DELETE /v2.0/security-groups/{id}");
    // the fake saw what the proxy passed on, and nothing else
    assertThat(cloud.mutatingRequestCount()).isEqualTo(2);
  }

  @Test
  void anUploadIsStreamedToGlanceAndItsBytesCounted() {
    OSClientV3 os = client();
    Image image = os.imagesV2().create(org.openstack4j.api.Builders.imageV2().name("proxied-upload")
        .diskFormat(DiskFormat.RAW).containerFormat(ContainerFormat.BARE).build());
    byte[] disk = new byte[3 * 1024 * 1024 + 17];
    disk[5] = 9;
    ActionResponse upload = os.imagesV2().upload(image.getId(), Payloads.create(new ByteArrayInputStream(disk)), image);

    assertThat(upload.isSuccess()).as("%s", upload).isTrue();
    assertThat(proxy.bytesSent()).containsEntry("image PUT /v2/images/{id}/file", (long) disk.length);
    // the fake, like Glance, shows the size once the image is saved
    Image saved = Eventually.get(() -> os.imagesV2().get(image.getId()), i -> i.getStatus() == Image.ImageStatus.ACTIVE);
    assertThat(saved.getSize()).isEqualTo(disk.length);
  }

  @Test
  void refusedMutationsNeverReachTheCloudAndReadsStillPass() {
    OSClientV3 os = client();
    proxy.refuseMutationsAfter(1);
    SecurityGroup first = os.networking().securitygroup().create(
        org.openstack4j.api.Builders.securityGroup().name("let-through").build());
    int before = cloud.mutatingRequestCount();

    assertThatThrownBy(() -> os.networking().securitygroup().create(
        org.openstack4j.api.Builders.securityGroup().name("refused").build()))
        .isInstanceOf(ClientResponseException.class).hasMessageContaining("refused by the recording proxy");
    assertThat(cloud.mutatingRequestCount()).isEqualTo(before);
    assertThat(os.networking().securitygroup().list(Map.of("name", "refused"))).isEmpty();
    assertThat(os.networking().securitygroup().get(first.getId())).isNotNull();

    proxy.clearFaults();
    assertThat(os.networking().securitygroup().delete(first.getId()).isSuccess()).isTrue();
    assertThat(proxy.mutatingRequests()).as("refused ones are counted too").isEqualTo(3);
  }

  @Test
  void refusingFromTheSecondWriteOfAKindLetsTheFirstThroughAndRefusesEveryWriteAfter() {
    OSClientV3 os = client();
    proxy.refuseFrom("network POST /v2.0/security-groups", 2);
    SecurityGroup first = os.networking().securitygroup().create(
        org.openstack4j.api.Builders.securityGroup().name("first").build());

    assertThatThrownBy(() -> os.networking().securitygroup().create(
        org.openstack4j.api.Builders.securityGroup().name("second").build())).isInstanceOf(ClientResponseException.class);
    assertThat(os.networking().securitygroup().delete(first.getId()).isSuccess()).as("a write after it").isFalse();
    proxy.clearFaults();
    assertThat(os.networking().securitygroup().delete(first.getId()).isSuccess()).isTrue();

    assertThat(proxy.writes()).containsExactly("network POST /v2.0/security-groups", "network POST /v2.0/security-groups",
        "network DELETE /v2.0/security-groups/{id}", "network DELETE /v2.0/security-groups/{id}");
    assertThat(proxy.refused()).containsExactly("network POST /v2.0/security-groups",
        "network DELETE /v2.0/security-groups/{id}");
  }

  @Test
  void onlyACloudOnLoopbackIsProxied() {
    assertThatThrownBy(() -> RecordingProxy.inFrontOf("https://keystone.example.com:5000/v3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1");
  }

  @Test
  void aNovaActionIsNamedByItsBodyAndAConsoleReadIsNotAWrite() {
    assertThat(RequestKind.of("compute", "POST", "/servers/0f6b0a2c-3c7d-4a8e-9d1e-2b3c4d5e6f70/action",
        "{\"os-getConsoleOutput\": {\"length\": 50}}".getBytes())).satisfies(kind -> {
          assertThat(kind).hasToString("compute POST /servers/{id}/action os-getConsoleOutput");
          assertThat(kind.mutating()).isFalse();
        });
    assertThat(RequestKind.of("compute", "POST", "/servers/0f6b0a2c-3c7d-4a8e-9d1e-2b3c4d5e6f70/action",
        "{\"os-stop\": null}".getBytes()).mutating()).isTrue();
    assertThat(RequestKind.of("identity", "POST", "/auth/tokens", new byte[0]).mutating()).isFalse();
  }
}
