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

/** Finds the zone's machine type for a {@link dev.hermitcloud.spec.MachineType}: by name, or the smallest that fits. */
final class GceMachineTypes {
  private final GceClients clients;
  private final Gce target;

  GceMachineTypes(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  ResolvedMachineType resolve(dev.hermitcloud.spec.MachineType wanted) {
    if (wanted.name().isPresent()) {
      String name = wanted.name().get();
      try {
        return resolved(clients.machineTypes.get(target.project(), target.zone(), name));
      } catch (NotFoundException e) {
        throw new InvalidSpecException("machineType", name, "does not exist in zone " + target.zone()
            + ": see gcloud compute machine-types list --zones " + target.zone());
      }
    }
    ListMachineTypesRequest request = ListMachineTypesRequest.newBuilder().setProject(target.project())
        .setZone(target.zone()).build();
    Optional<MachineType> smallest = StreamSupport.stream(clients.machineTypes.list(request).iterateAll().spliterator(), false)
        .filter(GceMachineTypes::offered)
        .filter(t -> wanted.admits(t.getGuestCpus(), t.getMemoryMb()))
        .min(Comparator.comparingInt(MachineType::getGuestCpus).thenComparingInt(MachineType::getMemoryMb)
            .thenComparing(MachineType::getName));
    return smallest.map(GceMachineTypes::resolved).orElseThrow(() -> new InvalidSpecException("machineType", wanted,
        "is more than any machine type of zone " + target.zone() + " offers: ask for fewer vCPUs or less memory"));
  }

  /** Deprecated types may vanish or refuse new instances. */
  private static boolean offered(MachineType type) {
    return !type.hasDeprecated() || type.getDeprecated().getState().equals(DeprecationStatus.State.ACTIVE.name());
  }

  private static ResolvedMachineType resolved(MachineType type) {
    return ResolvedMachineType.of(type.getName(), type.getGuestCpus(), type.getMemoryMb());
  }
}
