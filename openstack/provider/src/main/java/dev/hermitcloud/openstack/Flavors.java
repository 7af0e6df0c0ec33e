package dev.hermitcloud.openstack;

import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.Comparator;
import java.util.List;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Flavor;

/**
 * Nova flavors for a machine type: the named one, or the smallest (fewest vCPUs, then least memory, then
 * least disk) with enough vCPUs, memory and root disk. A flavor with a 0 GiB disk takes the image's size,
 * so it fits any disk.
 */
final class Flavors {
  private Flavors() {}

  static ResolvedMachineType resolve(OSClientV3 os, MachineType type, int diskGib) {
    List<Flavor> flavors = List.copyOf(os.compute().flavors().list());
    if (type.name().isPresent()) {
      String name = type.name().get();
      Flavor named = flavors.stream().filter(f -> name.equals(f.getName())).findFirst()
          .or(() -> flavors.stream().filter(f -> name.equals(f.getId())).findFirst())
          .orElseThrow(() -> new InvalidSpecException("machineType.name", name,
              "is not a flavor of this cloud: choose one of " + names(flavors)));
      if (!fits(named, diskGib)) {
        throw new InvalidSpecException("machineType.name", name, "has a " + named.getDisk() + " GiB root disk, smaller than the "
            + diskGib + " GiB image: choose a larger flavor or a smaller diskGib");
      }
      return of(named);
    }
    return flavors.stream().filter(f -> type.admits(f.getVcpus(), f.getRam()) && fits(f, diskGib))
        .min(Comparator.comparingInt(Flavor::getVcpus).thenComparingInt(Flavor::getRam).thenComparingInt(Flavor::getDisk))
        .map(Flavors::of)
        .orElseThrow(() -> new InvalidSpecException("machineType", type, "with a " + diskGib
            + " GiB disk is larger than every flavor of this cloud: " + names(flavors)));
  }

  private static boolean fits(Flavor flavor, int diskGib) {
    return flavor.getDisk() == 0 || flavor.getDisk() >= diskGib;
  }

  private static ResolvedMachineType of(Flavor flavor) {
    return ResolvedMachineType.builder().name(flavor.getName()).id(flavor.getId()).cpus(flavor.getVcpus())
        .memoryMib(flavor.getRam()).diskGib(flavor.getDisk()).build();
  }

  private static String names(List<? extends Flavor> flavors) {
    return String.join(", ", flavors.stream().sorted(Comparator.comparingInt(Flavor::getVcpus).thenComparingInt(Flavor::getRam))
        .map(f -> f.getName() + " (" + f.getVcpus() + " vCPU, " + f.getRam() + " MiB, " + f.getDisk() + " GiB)").toList());
  }
}
