package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.spec.MachineType;
import org.junit.jupiter.api.Test;

/**
 * Audit A1, B1-B3: "at least" picks only x86-64 families with virtio-net that take the boot disk type the
 * SDK sends, the user can narrow the families and choose the disk type, and the plan shows the result.
 */
class GceMachineTypeChoiceTest extends FakeGceTestBase {
  @Test
  void atLeastOneCpuAndFourGibNeverPicksAnArmOrGvnicOnlyType() {
    // by size alone c4a-standard-1 (ARM64, Hyperdisk, gVNIC) and t2a-standard-1 (ARM64) tie with t2d-standard-1
    GceFixture.deploy(echo, GceFixture.target(fake), events).machineType(MachineType.atLeast(1, 4096)).apply().close();

    FakeResource vm = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    assertThat(vm.field("/machineType")).endsWith("/machineTypes/t2d-standard-1");
    assertThat(vm.field("/disks/0/diskType")).isEqualTo("pd-balanced");
    assertThat(vm.field("/networkInterfaces/0/nicType")).isEqualTo("VIRTIO_NET");
    assertThat(fake.images(GceFixture.PROJECT)).singleElement().extracting(i -> i.field("/architecture"))
        .isEqualTo("X86_64");
  }

  @Test
  void theFamiliesAndTheDiskTypeCanBeChosenAndThePlanShowsTheResolvedType() {
    Plan plan = GceFixture.deploy(echo, GceFixture.target(fake), events)
        .machineType(MachineType.atLeast(4, 16384).family("e2", "n2d").diskType("pd-ssd")).plan();
    assertThat(plan.machineType()).contains("e2-standard-4 (4 vCPU, 16384 MiB, boot disk pd-ssd)");
    assertThat(plan.render()).contains("machine type e2-standard-4 (4 vCPU, 16384 MiB, boot disk pd-ssd)");

    GceFixture.deploy(echo, GceFixture.target(fake), events)
        .machineType(MachineType.atLeast(4, 16384).family("e2", "n2d").diskType("pd-ssd")).apply().close();
    FakeResource vm = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    assertThat(vm.field("/disks/0/diskType")).isEqualTo("pd-ssd");
  }

  @Test
  void unusableFamiliesAndDiskTypesAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events)
        .machineType(MachineType.named("c3-standard-4")).plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("machineType").hasMessageContaining("c3")
        .hasMessageContaining("family(\"e2\")");
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events)
        .machineType(MachineType.atLeast(1, 1024).family("t2a")).plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("machineType.family");
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events)
        .machineType(MachineType.atLeast(1, 1024).diskType("hyperdisk-balanced")).plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("machineType.diskType")
        .hasMessageContaining("pd-balanced");
    assertThat(fake.stats().creations()).isEmpty();
  }

  @Test
  void aFamilyRestrictionIsOnlyForSizedTypes() {
    assertThatThrownBy(() -> MachineType.named("e2-micro").family("e2"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("machineType.family");
    assertThatThrownBy(() -> MachineType.atLeast(1, 512).family("E2!"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("machineType.family");
  }
}
