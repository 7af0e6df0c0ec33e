package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.MachineType;
import dev.hermitcloud.InvalidSpecException;
import java.util.List;
import java.util.Set;

/**
 * The machine families a hermit image can run on, and the boot disk types they take. A hermit disk is an
 * x86-64 BIOS image whose kernel drives virtio-net only, so a family must be x86-64 and still offer
 * virtio-net, and it must accept the persistent-disk type the boot disk asks for:
 *
 * <ul>
 *   <li>ARM64 types (t2a, c4a) cannot boot it: {@code "Requested boot disk architecture (X86_64) is not
 *       compatible with machine type architecture (ARM64)"}
 *       (https://cloud.google.com/compute/docs/reference/rest/v1/machineTypes field {@code architecture};
 *       https://github.com/kubermatic/machine-controller/pull/1520);
 *   <li>third-generation series and later (c3, c3d, c4, c4a, c4d, n4) have gVNIC only
 *       (https://cloud.google.com/compute/docs/networking/using-gvnic), and c3 refuses pd-standard while
 *       n4/c4 take Hyperdisk only (https://cloud.google.com/compute/docs/disks/hyperdisks,
 *       https://github.com/GoogleCloudPlatform/cluster-toolkit/pull/1601).
 * </ul>
 *
 * <p>Every family kept here takes pd-standard, pd-balanced and pd-ssd
 * (https://cloud.google.com/compute/docs/general-purpose-machines).
 */
final class GceMachineFamilies {
  /** x86-64, virtio-net, persistent disks. f1 and g1 are the shared-core n1 types; custom-N-M are n1 too. */
  static final Set<String> USABLE = Set.of("e2", "n1", "f1", "g1", "custom", "n2", "n2d", "c2", "c2d", "t2d");

  /** Families known to be unusable, refused by name before any call; other unknown names go to the zone's catalogue. */
  private static final Set<String> UNUSABLE = Set.of("t2a", "c4a", "n4a", "c3a", "c3", "c3d", "n4", "c4", "c4d");

  /** The boot disk types every usable family accepts. */
  static final List<String> DISK_TYPES = List.of("pd-balanced", "pd-ssd", "pd-standard");

  /** SSD-backed and accepted by every usable family; the API's own default, pd-standard, is a slow HDD. */
  static final String DEFAULT_DISK_TYPE = "pd-balanced";

  private GceMachineFamilies() {}

  /** The family of a type name: {@code e2-micro} is e2, {@code n2d-standard-2} is n2d. */
  static String of(String typeName) {
    int dash = typeName.indexOf('-');
    return dash < 0 ? typeName : typeName.substring(0, dash);
  }

  /** Whether a type of the catalogue can run a hermit image; an absent architecture means an older x86 series. */
  static boolean usable(MachineType type) {
    return USABLE.contains(of(type.getName())) && !"ARM64".equals(type.getArchitecture());
  }

  /** Refuses families and disk types no hermit image can use, before any cloud call. */
  static void check(dev.hermitcloud.spec.MachineType wanted) {
    wanted.name().ifPresent(name -> {
      if (UNUSABLE.contains(of(name))) {
        throw new InvalidSpecException("machineType", name, unusable(of(name)));
      }
    });
    for (String family : wanted.families()) {
      if (!USABLE.contains(family)) {
        throw new InvalidSpecException("machineType.family", family, unusable(family));
      }
    }
    wanted.diskType().ifPresent(disk -> {
      if (!DISK_TYPES.contains(disk)) {
        throw new InvalidSpecException("machineType.diskType", disk,
            "is not a boot disk type every usable family accepts: use one of " + DISK_TYPES);
      }
    });
  }

  static String unusable(String family) {
    return "is of family " + family + ", which cannot run a hermit image (it needs x86-64 with virtio-net and"
        + " persistent disks; ARM64 and the gVNIC/Hyperdisk-only series c3, c3d, n4, c4, c4a, c4d do not qualify):"
        + " use one of " + new java.util.TreeSet<>(USABLE) + ", e.g. MachineType.atLeast(1, 2048).family(\"e2\")";
  }
}
