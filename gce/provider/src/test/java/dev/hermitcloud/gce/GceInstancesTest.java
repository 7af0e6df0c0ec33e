package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Instances as GCE gets them: machine type, boot disk, address, tags, labels, spot, service account, console. */
class GceInstancesTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().bootOutput("hermit: booted\n");
  }

  @Test
  void theInsertBodyHasTheBootDiskTheExternalAddressTagsLabelsAndMetadataButNoServiceAccount() {
    try (Deployment d = GceFixture.deploy(echo, GceFixture.target(fake), events).label("team", "kernel")
        .metadata("greeting", "hello").apply()) {
      FakeResource vm = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();

      assertThat(vm.field("/machineType")).endsWith("/zones/us-central1-c/machineTypes/f1-micro");
      assertThat(vm.field("/disks/0/boot")).isEqualTo("true");
      assertThat(vm.field("/disks/0/autoDelete")).isEqualTo("true");
      assertThat(vm.field("/disks/0/diskSizeGb")).isEqualTo("10");
      // The fake refuses a boot disk whose source image is not READY; the disk is named after the instance.
      assertThat(vm.field("/disks/0/source")).endsWith("/zones/us-central1-c/disks/echo");
      assertThat(vm.field("/networkInterfaces/0/network")).endsWith("/global/networks/default");
      assertThat(vm.field("/networkInterfaces/0/accessConfigs/0/type")).isEqualTo("ONE_TO_ONE_NAT");
      assertThat(vm.tags()).containsExactly("hermit-echo");
      assertThat(vm.labels()).containsEntry("team", "kernel").containsEntry("hermit-deployment", "echo")
          .containsKeys("hermit-spec", "hermit-replace");
      assertThat(vm.field("/metadata/items/0/key")).isEqualTo("greeting");
      assertThat(vm.field("/metadata/items/0/value")).isEqualTo("hello");
      assertThat(vm.json().has("serviceAccounts")).isFalse();
      assertThat(vm.field("/scheduling/provisioningModel")).isEqualTo("STANDARD");

      DeployedInstance instance = d.instances().get(0);
      assertThat(instance.address()).contains(vm.natIp());
      assertThat(instance.privateAddress()).contains(vm.field("/networkInterfaces/0/networkIP"));
      assertThat(instance.machineType()).contains("f1-micro");
    }
  }

  @Test
  void spotAndTheServiceAccountReachTheCloud() {
    GceFixture.deploy(echo, GceFixture.target(fake), events).spot()
        .serviceAccount("runner@hermit-test.iam.gserviceaccount.com").apply().close();

    FakeResource vm = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    assertThat(vm.field("/scheduling/provisioningModel")).isEqualTo("SPOT");
    assertThat(vm.field("/scheduling/automaticRestart")).isEqualTo("false");
    assertThat(vm.field("/serviceAccounts/0/email")).isEqualTo("runner@hermit-test.iam.gserviceaccount.com");
    assertThat(vm.field("/serviceAccounts/0/scopes/0")).isEqualTo("https://www.googleapis.com/auth/cloud-platform");
  }

  @Test
  void aSizedMachineTypeResolvesToTheSmallestThatFitsAndANamedOneMustExist() throws Exception {
    try (Provider gce = GceFixture.target(fake).connect()) {
      assertThat(gce.resolve(MachineType.atLeast(1, 512), 1).name()).isEqualTo("f1-micro");
      assertThat(gce.resolve(MachineType.atLeast(1, 1000), 1).name()).isEqualTo("g1-small");
      assertThat(gce.resolve(MachineType.atLeast(2, 2000), 1).name()).isEqualTo("e2-small");
      // GCE offers c2-, e2-, n2- and n2d-standard-4 at the same size (audit Part C); the fake's old catalogue
      // had only n2-standard-4. Same size, no shared core: the first by name.
      assertThat(gce.resolve(MachineType.atLeast(3, 1024), 1).name()).isEqualTo("c2-standard-4");
      assertThat(gce.resolve(MachineType.named("n1-standard-1"), 1).memoryMib()).isEqualTo(3840);
      assertThatThrownBy(() -> gce.resolve(MachineType.named("z9-huge"), 1))
          .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("machineType"))
          .hasMessageContaining("us-central1-c");
      assertThatThrownBy(() -> gce.resolve(MachineType.atLeast(64, 1024), 1))
          .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("machineType"));
    }
  }

  @Test
  void severalInstancesRunWithAddressesOfTheirOwn() {
    try (Deployment d = GceFixture.deploy(echo, GceFixture.target(fake), events).count(3).apply()) {
      assertThat(d.instances()).extracting(DeployedInstance::name).containsExactlyInAnyOrder("echo-0", "echo-1", "echo-2");
      assertThat(d.instances()).extracting(i -> i.address().orElseThrow()).doesNotHaveDuplicates();
      assertThat(fake.instances(GceFixture.PROJECT)).allSatisfy(vm -> assertThat(vm.status()).isEqualTo("RUNNING"));
    }
  }

  @Test
  void theSerialConsoleIsReadFromAnOffset() throws Exception {
    try (Deployment d = GceFixture.deploy(echo, GceFixture.target(fake), events).apply()) {
      assertThat(d.serialLog().read()).isEqualTo("hermit: booted\n");
    }
    fake.appendSerialOutput(GceFixture.PROJECT, GceFixture.ZONE, "echo", "listening on 8000\n");

    // Logs are read outside the engine's retries: the client rides out a blip itself.
    fake.faults().add(FaultRule.on("GET", RouteTemplates.INSTANCE_SERIAL_PORT).inject(GceFaults.backendError()));
    try (Provider gce = GceFixture.target(fake).connect()) {
      ConsoleChunk rest = gce.console().read("echo", 15);
      assertThat(rest).isEqualTo(new ConsoleChunk("listening on 8000\n", 15, 33));
    }
    assertThat(fake.stats().requests("GET", RouteTemplates.INSTANCE_SERIAL_PORT)).isEqualTo(3);
  }

  @Test
  void insertsAnsweredDoneAreNotPolled() {
    fake.operationDuration(Duration.ZERO);

    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();

    assertThat(fake.stats().requests("GET", RouteTemplates.ZONE_OPERATION)).isZero();
    assertThat(fake.stats().requests("GET", RouteTemplates.GLOBAL_OPERATION)).isZero();
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().status()).isEqualTo("RUNNING");
  }
}
