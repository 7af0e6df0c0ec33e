package dev.hermitcloud.gce.fake;

import java.util.Map;
import java.util.Set;

/**
 * What GCE enforces per machine series at {@code instances.insert}: the CPU architecture, the boot disk
 * types accepted, and whether only gVNIC is offered. Sources: the {@code architecture} field of
 * machineTypes (https://cloud.google.com/compute/docs/reference/rest/v1/machineTypes), the Hyperdisk table
 * (https://cloud.google.com/compute/docs/disks/hyperdisks), the gVNIC page
 * (https://cloud.google.com/compute/docs/networking/using-gvnic), and real answers quoted in
 * /work/notes/gce-audit.md Part C (cluster-toolkit#1601 for c3 refusing pd-standard, kdevops#77 for
 * c4/c4a/n4 taking Hyperdisk only).
 *
 * @param architecture {@code X86_64}, {@code ARM64}, or {@code null} where the real API leaves the field
 *     out (the older x86 series)
 */
record MachineFamily(String name, String architecture, Set<String> bootDiskTypes, boolean gvnicOnly) {
  private static final Set<String> PD = Set.of("pd-standard", "pd-balanced", "pd-ssd");
  private static final Set<String> HYPERDISK = Set.of("hyperdisk-balanced");

  private static final Map<String, MachineFamily> FAMILIES = Map.ofEntries(
      gen1or2("e2"), gen1or2("n1"), gen1or2("f1"), gen1or2("g1"), gen1or2("n2"), gen1or2("n2d"),
      gen1or2("c2"), gen1or2("c2d"), gen1or2("t2d"),
      entry("t2a", "ARM64", Set.of("pd-balanced", "pd-ssd"), true),
      entry("c3", "X86_64", Set.of("pd-balanced", "pd-ssd", "hyperdisk-balanced"), true),
      entry("c3d", "X86_64", Set.of("pd-balanced", "pd-ssd", "hyperdisk-balanced"), true),
      entry("n4", "X86_64", HYPERDISK, true),
      entry("c4", "X86_64", HYPERDISK, true),
      entry("c4a", "ARM64", HYPERDISK, true),
      entry("c4d", "X86_64", HYPERDISK, true));

  private static Map.Entry<String, MachineFamily> gen1or2(String name) {
    return entry(name, null, PD, false);
  }

  private static Map.Entry<String, MachineFamily> entry(String name, String arch, Set<String> disks, boolean gvnic) {
    return Map.entry(name, new MachineFamily(name, arch, disks, gvnic));
  }

  /** The family of a type name ({@code n2d-standard-2} is n2d). */
  static MachineFamily of(String typeName) {
    int dash = typeName.indexOf('-');
    MachineFamily family = FAMILIES.get(dash < 0 ? typeName : typeName.substring(0, dash));
    if (family == null) {
      throw new IllegalArgumentException("no family for machine type " + typeName);
    }
    return family;
  }

  /** The architecture an instance of this family runs; the series without the field are x86-64. */
  String effectiveArchitecture() {
    return architecture == null ? "X86_64" : architecture;
  }
}
