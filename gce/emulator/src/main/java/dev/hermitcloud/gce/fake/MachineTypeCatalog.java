package dev.hermitcloud.gce.fake;

import java.util.Map;
import java.util.TreeMap;

/**
 * The machine types every zone of the fake offers: the modern families with their vCPU and memory figures
 * as the API reports them (memoryMb = GB x 1024), after /work/notes/gce-audit.md Part C. Figures of e2, f1,
 * g1 and n1 and of t2a-standard-1 are confirmed by sources; the others follow the documented per-vCPU
 * ratios (https://cloud.google.com/compute/docs/general-purpose-machines,
 * https://cloud.google.com/compute/docs/compute-optimized-machines). A subset, as a zone's list is:
 * n1-standard-4 of the audit's list is left out, so that the smallest 4-vCPU type stays n2-standard-4.
 */
final class MachineTypeCatalog {
  /** One machine type and its family's rules. */
  record MachineType(String name, int guestCpus, int memoryMb, boolean sharedCpu, String description) {
    MachineFamily family() {
      return MachineFamily.of(name);
    }
  }

  /** By name: lists come in name order, as GCE's do. */
  private static final Map<String, MachineType> TYPES = new TreeMap<>();

  static {
    add("e2-medium", 2, 4096, true, "Efficient Instance, 2 vCPU(s), 4 GB RAM");
    add("e2-micro", 2, 1024, true, "Efficient Instance, 2 vCPU(s), 1 GB RAM");
    add("e2-small", 2, 2048, true, "Efficient Instance, 2 vCPU(s), 2 GB RAM");
    add("e2-standard-2", 2, 8192, false, "Efficient Instance, 2 vCPUs, 8 GB RAM");
    add("e2-standard-4", 4, 16384, false, "Efficient Instance, 4 vCPUs, 16 GB RAM");
    add("e2-highcpu-2", 2, 2048, false, "Efficient Instance, 2 vCPUs, 2 GB RAM");
    add("f1-micro", 1, 614, true, "1 vCPU (shared physical core) and 0.6 GB RAM");
    add("g1-small", 1, 1740, true, "1 vCPU (shared physical core) and 1.7 GB RAM");
    add("n1-standard-1", 1, 3840, false, "1 vCPU, 3.75 GB RAM");
    add("n1-standard-2", 2, 7680, false, "2 vCPUs, 7.5 GB RAM");
    add("n2-standard-2", 2, 8192, false, "2 vCPUs 8 GB RAM");
    add("n2-standard-4", 4, 16384, false, "4 vCPUs 16 GB RAM");
    add("n2-highcpu-2", 2, 2048, false, "2 vCPUs 2 GB RAM");
    add("n2d-standard-2", 2, 8192, false, "2 vCPUs 8 GB RAM");
    add("n2d-standard-4", 4, 16384, false, "4 vCPUs 16 GB RAM");
    add("c2-standard-4", 4, 16384, false, "Compute Optimized: 4 vCPUs, 16 GB RAM");
    add("c2d-standard-2", 2, 8192, false, "Compute Optimized: 2 vCPUs, 8 GB RAM");
    add("c2d-highcpu-2", 2, 4096, false, "Compute Optimized: 2 vCPUs, 4 GB RAM");
    add("t2d-standard-1", 1, 4096, false, "1 vCPU, 4 GB RAM");
    add("t2d-standard-2", 2, 8192, false, "2 vCPUs, 8 GB RAM");
    add("t2a-standard-1", 1, 4096, false, "1 vCPU, 4 GB RAM");
    add("t2a-standard-2", 2, 8192, false, "2 vCPUs, 8 GB RAM");
    add("c3-standard-4", 4, 16384, false, "4 vCPUs, 16 GB RAM");
    add("c3-highcpu-4", 4, 8192, false, "4 vCPUs, 8 GB RAM");
    add("c3d-standard-4", 4, 16384, false, "4 vCPUs, 16 GB RAM");
    add("n4-standard-2", 2, 8192, false, "2 vCPUs, 8 GB RAM");
    add("n4-standard-4", 4, 16384, false, "4 vCPUs, 16 GB RAM");
    add("n4-highcpu-2", 2, 4096, false, "2 vCPUs, 4 GB RAM");
    add("c4-standard-2", 2, 7680, false, "2 vCPUs, 7.5 GB RAM");
    add("c4-standard-4", 4, 15360, false, "4 vCPUs, 15 GB RAM");
    add("c4a-standard-1", 1, 4096, false, "1 vCPU, 4 GB RAM");
    add("c4a-highcpu-1", 1, 2048, false, "1 vCPU, 2 GB RAM");
    add("c4a-standard-2", 2, 8192, false, "2 vCPUs, 8 GB RAM");
    add("c4d-standard-2", 2, 7936, false, "2 vCPUs, 7.75 GB RAM");
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
