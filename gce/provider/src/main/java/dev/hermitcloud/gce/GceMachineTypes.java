package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeprecationStatus;
import com.google.cloud.compute.v1.ListMachineTypesRequest;
import com.google.cloud.compute.v1.MachineType;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Finds the zone's machine type for a {@link dev.hermitcloud.spec.MachineType}: by name, or the smallest
 * that fits among the families a hermit image can run on ({@link GceMachineFamilies}, optionally narrowed by
 * {@code .family(...)}), together with the boot disk type the instances will get.
 */
final class GceMachineTypes {
  private final GceClients clients;
  private final Gce target;

  GceMachineTypes(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  ResolvedMachineType resolve(dev.hermitcloud.spec.MachineType wanted) {
    GceMachineFamilies.check(wanted);
    String diskType = wanted.diskType().orElse(GceMachineFamilies.DEFAULT_DISK_TYPE);
    if (wanted.name().isPresent()) {
      String name = wanted.name().get();
      try {
        MachineType type = clients.machineTypes.get(target.project(), target.zone(), name);
        if (!GceMachineFamilies.usable(type)) {
          throw new InvalidSpecException("machineType", name, GceMachineFamilies.unusable(GceMachineFamilies.of(name)));
        }
        return resolved(type, diskType);
      } catch (NotFoundException e) {
        throw new InvalidSpecException("machineType", name, "does not exist in zone " + target.zone()
            + ": see gcloud compute machine-types list --zones " + target.zone());
      }
    }
    ListMachineTypesRequest request = ListMachineTypesRequest.newBuilder().setProject(target.project())
        .setZone(target.zone()).build();
    Optional<MachineType> smallest = StreamSupport.stream(clients.machineTypes.list(request).iterateAll().spliterator(), false)
        .filter(GceMachineTypes::offered)
        .filter(GceMachineFamilies::usable)
        .filter(t -> wanted.families().isEmpty() || wanted.families().contains(GceMachineFamilies.of(t.getName())))
        .filter(t -> wanted.admits(t.getGuestCpus(), t.getMemoryMb()))
        // on a tie the shared-core type (e2-small rather than e2-highcpu-2): it costs less
        .min(Comparator.comparingInt(MachineType::getGuestCpus).thenComparingInt(MachineType::getMemoryMb)
            .thenComparing(t -> !t.getIsSharedCpu()).thenComparing(MachineType::getName));
    return smallest.map(t -> resolved(t, diskType)).orElseThrow(() -> new InvalidSpecException("machineType", wanted,
        "is more than any usable machine type of zone " + target.zone() + " offers"
            + (wanted.families().isEmpty() ? "" : " in the families asked for")
            + ": ask for fewer vCPUs or less memory" + (wanted.families().isEmpty() ? "" : ", or allow more families")));
  }

  /** Deprecated types may vanish or refuse new instances. */
  private static boolean offered(MachineType type) {
    return !type.hasDeprecated() || type.getDeprecated().getState().equals(DeprecationStatus.State.ACTIVE.name());
  }

  private static ResolvedMachineType resolved(MachineType type, String diskType) {
    return ResolvedMachineType.builder().name(type.getName()).cpus(type.getGuestCpus()).memoryMib(type.getMemoryMb())
        .bootDiskType(diskType).build();
  }
}
