package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures name the resource and carry the cloud's own message; the next run repairs what failed. */
class FailureMessageTest {
  @TempDir
  Path dir;

  private FakeOpenStack cloud;
  private Fixture f;
  private OpenStack target;
  private Unikernel echo;

  @BeforeEach
  void start() throws Exception {
    cloud = FakeClouds.quick().start();
    f = new Fixture(dir);
    target = FakeClouds.password(cloud);
    echo = f.unikernel("echo", 1);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  @Test
  void aServerInErrorSurfacesNovasFaultNamingTheServerAndIsReplacedNextRun() {
    cloud.failures().failNextServer("No valid host was found. There are not enough hosts available.");

    assertThatThrownBy(() -> f.deploy(target, echo).apply())
        .hasMessageContaining("instance 'echo'")
        .hasMessageContaining("server echo (")
        .hasMessageContaining("went to ERROR: No valid host was found. There are not enough hosts available.");

    assertThat(f.deploy(target, echo).plan().change(ResourceKind.INSTANCE, "echo").orElseThrow().action())
        .isEqualTo(Action.REPLACE);
    f.deploy(target, echo).apply().close();
    assertThat(cloud.servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
    assertThat(cloud.creationCount("server", "echo")).isEqualTo(2);
  }

  @Test
  void aKilledImageSurfacesClearlyAndIsReplacedNextRun() {
    cloud.failures().killNextUpload();

    assertThatThrownBy(() -> f.deploy(target, echo).apply())
        .hasMessageContaining("image 'echo-")
        .hasMessageContaining("Glance killed image echo-")
        .hasMessageContaining("refused or lost the uploaded data");
    assertThat(cloud.servers()).isEmpty();

    f.deploy(target, echo).apply().close();
    assertThat(cloud.images()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("active"));
  }

  @Test
  void aRefusedCallNamesTheResourceAndQuotesTheCloud() {
    // the first group created is the deployment's lock; the second its firewall
    cloud.faults().add(FaultRule.on("POST /network/v2.0/security-groups").skipFirst(1).always().inject(Fault.httpError(403)));

    assertThatThrownBy(() -> f.deploy(target, echo).apply())
        .hasMessageContaining("firewall 'hermit-echo'")
        .hasMessageContaining("HTTP 403: Policy doesn't allow this operation to be performed.");
  }

  @Test
  void anUnknownFlavorIsRefusedWhilePlanningWithTheChoices() {
    assertThatThrownBy(() -> f.deploy(target, echo).machineType(MachineType.named("m1.huge")).plan())
        .hasMessageContaining("machineType.name: 'm1.huge' is not a flavor of this cloud")
        .hasMessageContaining("m1.tiny (1 vCPU, 512 MiB, 1 GiB)");
    assertThat(cloud.mutatingRequestCount()).isZero();
  }

  @Test
  void theSmallestFlavorThatFitsIsChosen() {
    var plan = f.deploy(target, echo).machineType(MachineType.atLeast(1, 600)).plan();
    assertThat(plan.render()).contains("echo");
    f.deploy(target, echo).machineType(MachineType.atLeast(1, 600)).apply().close();
    assertThat(cloud.servers()).singleElement()
        .satisfies(s -> assertThat(s.fields().path("flavor").path("id").asText()).isEqualTo("6")); // c1.micro
  }

  @Test
  void twoTenantNetworksWithoutAChoiceIsAClearError() throws Exception {
    try (FakeOpenStack two = FakeClouds.quick().network("private", "127.0.2.0/24", false)
        .network("backend", "127.0.3.0/24", false).network("public", "127.0.1.0/24", true).start()) {
      assertThatThrownBy(() -> f.deploy(FakeClouds.password(two), echo).apply())
          .hasMessageContaining("openstack.network")
          .hasMessageContaining("is ambiguous: the project has 2 tenant networks (private, backend)");

      f.deploy(FakeClouds.password(two).network("backend"), echo).apply().close();
      assertThat(two.ports()).singleElement().satisfies(p -> assertThat(p.name()).startsWith("127.0.3."));
    }
  }
}
