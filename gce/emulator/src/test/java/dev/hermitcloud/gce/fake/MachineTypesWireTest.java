package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.ListMachineTypesRequest;
import com.google.cloud.compute.v1.MachineType;
import com.google.cloud.compute.v1.MachineTypesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real MachineTypesClient against the fake's catalogue. */
class MachineTypesWireTest {
  private FakeGce fake;
  private MachineTypesClient machineTypes;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().start();
    machineTypes = FakeGceClients.machineTypes(fake);
  }

  @AfterEach
  void stop() {
    machineTypes.close();
    fake.close();
  }

  @Test
  void getsAMachineTypeWithItsCpusAndMemory() {
    MachineType micro = machineTypes.get("any-project", "europe-west1-b", "f1-micro");
    assertThat(micro.getGuestCpus()).isEqualTo(1);
    assertThat(micro.getMemoryMb()).isEqualTo(614);
    assertThat(micro.getIsSharedCpu()).isTrue();
    assertThat(machineTypes.get("any-project", "us-central1-f", "n2-standard-4").getMemoryMb())
        .isEqualTo(16384);
  }

  @Test
  void listsTheCatalogueInPages() {
    List<String> names = new ArrayList<>();
    machineTypes.list(ListMachineTypesRequest.newBuilder().setProject("p")
            .setZone("us-central1-c").setMaxResults(4).build())
        .iterateAll().forEach(t -> names.add(t.getName()));

    assertThat(names).contains("f1-micro", "g1-small", "e2-micro", "e2-small", "e2-medium",
        "n1-standard-1", "n1-standard-2", "e2-standard-2", "n2-standard-4");
    assertThat(names).isSorted();
    // four per page: the catalogue of the modern families (audit A5.4) takes more pages than the old nine types
    assertThat(fake.stats().requests("GET", RouteTemplates.MACHINE_TYPES)).isEqualTo((names.size() + 3) / 4);
  }

  @Test
  void unknownTypesAndZonesAreRefused() {
    assertThatThrownBy(() -> machineTypes.get("p", "us-central1-a", "z9-huge"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> machineTypes.get("p", "mars-north1-a", "f1-micro"))
        .isInstanceOf(InvalidArgumentException.class);
  }
}
