package dev.hermitcloud.gce.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/** The machine types every zone of the fake offers, with real vCPU and memory figures. */
final class MachineTypeCatalog {
  /** One machine type. */
  record MachineType(String name, int guestCpus, int memoryMb, boolean sharedCpu, String description) {}

  private static final Map<String, MachineType> TYPES = new LinkedHashMap<>();

  static {
    add("e2-medium", 2, 4096, true, "Efficient Instance, 2 vCPU(s), 4 GB RAM");
    add("e2-micro", 2, 1024, true, "Efficient Instance, 2 vCPU(s), 1 GB RAM");
    add("e2-small", 2, 2048, true, "Efficient Instance, 2 vCPU(s), 2 GB RAM");
    add("e2-standard-2", 2, 8192, false, "Efficient Instance, 2 vCPUs, 8 GB RAM");
    add("f1-micro", 1, 614, true, "1 vCPU (shared physical core) and 0.6 GB RAM");
    add("g1-small", 1, 1740, true, "1 vCPU (shared physical core) and 1.7 GB RAM");
    add("n1-standard-1", 1, 3840, false, "1 vCPU, 3.75 GB RAM");
    add("n1-standard-2", 2, 7680, false, "2 vCPUs, 7.5 GB RAM");
    add("n2-standard-4", 4, 16384, false, "4 vCPUs 16 GB RAM");
  }

  private MachineTypeCatalog() {}

  private static void add(String name, int cpus, int memoryMb, boolean shared, String description) {
    TYPES.put(name, new MachineType(name, cpus, memoryMb, shared, description));
  }

  static MachineType find(String name) {
    return TYPES.get(name);
  }

  static Iterable<MachineType> all() {
    return TYPES.values();
  }
}
