package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.MachineTypesClient;
import com.google.cloud.compute.v1.NetworkInterface;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The modern machine families and what GCE enforces with them at insert (audit A1, A5.4, B1-B3, B14):
 * architecture, boot disk type, gVNIC, through the real clients.
 */
class MachineFamiliesWireTest {
  private static final String PROJECT = "vm-project";
  private static final String ZONE = "us-central1-a";

  private FakeGce fake;
  private InstancesClient instances;
  private MachineTypesClient machineTypes;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).start();
    fake.addReadyImage(PROJECT, "hermit-1", "hermit", 1);
    instances = FakeGceClients.instances(fake);
    machineTypes = FakeGceClients.machineTypes(fake);
  }

  @AfterEach
  void stop() {
    instances.close();
    machineTypes.close();
    fake.close();
  }

  @Test
  void theCatalogueHasTheModernFamiliesWithTheirArchitecture() {
    assertThat(machineTypes.get(PROJECT, ZONE, "t2a-standard-1").getArchitecture()).isEqualTo("ARM64");
    assertThat(machineTypes.get(PROJECT, ZONE, "c4a-standard-1").getArchitecture()).isEqualTo("ARM64");
    assertThat(machineTypes.get(PROJECT, ZONE, "c3-standard-4").getArchitecture()).isEqualTo("X86_64");
    assertThat(machineTypes.get(PROJECT, ZONE, "t2a-standard-1").getMemoryMb()).isEqualTo(4096);
    // the older series leave the field out on real GCE
    assertThat(machineTypes.get(PROJECT, ZONE, "e2-micro").hasArchitecture()).isFalse();
    for (String name : new String[] {"e2-standard-4", "n2-standard-2", "n2d-standard-2", "c2-standard-4",
        "t2d-standard-1", "c3d-standard-4", "n4-standard-2", "c4-standard-2", "c4d-standard-2"}) {
      assertThat(machineTypes.get(PROJECT, ZONE, name).getName()).isEqualTo(name);
    }
  }

  @Test
  void anArmMachineRefusesAnX86BootDisk() {
    assertThatThrownBy(() -> insert(vm("t2a-standard-1", "pd-balanced")))
        .hasCauseInstanceOf(InvalidArgumentException.class).rootCause()
        .hasMessageContaining("Requested boot disk architecture (X86_64) is not compatible with machine type"
            + " architecture (ARM64)").hasMessageContaining("invalidResourceUsage");
  }

  @Test
  void theDefaultPdStandardIsRefusedByC3AndHyperdiskOnlySeries() {
    Instance.Builder c3 = vm("c3-standard-4", null);
    c3.getNetworkInterfacesBuilder(0).clearNicType();
    assertThatThrownBy(() -> insert(c3)).hasCauseInstanceOf(InvalidArgumentException.class).rootCause()
        .hasMessageContaining("[pd-standard, c3-standard-4] features are not compatible for creating instance.");
    assertThatThrownBy(() -> insert(vm("n4-standard-2", "pd-balanced"))).rootCause()
        .hasMessageContaining("[pd-balanced, n4-standard-2] features are not compatible");
  }

  @Test
  void gvnicOnlySeriesRefuseVirtioNetAndImagesWithoutGvnic() {
    assertThatThrownBy(() -> insert(vm("c3-standard-4", "pd-balanced"))).rootCause()
        .hasMessageContaining("nicType").hasMessageContaining("GVNIC");
    Instance.Builder defaultNic = vm("n4-standard-2", "hyperdisk-balanced");
    defaultNic.getNetworkInterfacesBuilder(0).clearNicType();
    assertThatThrownBy(() -> insert(defaultNic)).rootCause()
        .hasMessageContaining("This boot disk source does not support gVNIC.");
    assertThat(fake.instances(PROJECT)).isEmpty();
  }

  @Test
  void diskTypesMustBeUrlsOfKnownTypes() {
    assertThatThrownBy(() -> insert(vm("e2-small", null).setDisks(0, disk("pd-ssd")))).rootCause()
        .hasMessageContaining("The URL is malformed.");
    assertThatThrownBy(() -> insert(vm("e2-small", "pd-fast"))).rootCause()
        .hasMessageContaining("The referenced diskType resource cannot be found.");
  }

  @Test
  void anOlderX86FamilyTakesEveryPersistentDiskAndRecordsTheType() throws Exception {
    insert(vm("e2-small", "pd-balanced").setName("vm-a"));
    insert(vm("n2d-standard-2", null).setName("vm-b"));
    assertThat(fake.instance(PROJECT, ZONE, "vm-a").orElseThrow().field("/disks/0/diskType")).isEqualTo("pd-balanced");
    assertThat(fake.instance(PROJECT, ZONE, "vm-b").orElseThrow().field("/disks/0/diskType")).isEqualTo("pd-standard");
  }

  private void insert(Instance.Builder vm) throws Exception {
    instances.insertAsync(PROJECT, ZONE, vm.build()).get();
  }

  private static Instance.Builder vm(String machineType, String diskType) {
    Instance.Builder vm = InstancesWireTest.spec("vm").setMachineType("zones/" + ZONE + "/machineTypes/" + machineType)
        .setDisks(0, disk(diskType == null ? null : "zones/" + ZONE + "/diskTypes/" + diskType));
    vm.getNetworkInterfacesBuilder(0).setNicType("VIRTIO_NET");
    return vm;
  }

  private static AttachedDisk disk(String diskType) {
    AttachedDiskInitializeParams.Builder init = AttachedDiskInitializeParams.newBuilder()
        .setSourceImage("projects/" + PROJECT + "/global/images/hermit-1").setDiskSizeGb(10);
    if (diskType != null) {
      init.setDiskType(diskType);
    }
    return AttachedDisk.newBuilder().setBoot(true).setAutoDelete(true).setType("PERSISTENT").setInitializeParams(init).build();
  }
}
