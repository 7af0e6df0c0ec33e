package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.http.ApiError;

/**
 * The checks GCE makes at {@code instances.insert} between the machine type's family and the boot disk and
 * NIC: architecture, boot disk type, gVNIC. The texts are the ones real answers show (sources in
 * {@link MachineFamily}); the field prefixes of the disk and NIC errors are our reading.
 */
final class FamilyRules {
  private FamilyRules() {}

  /**
   * An image without {@code architecture} counts as x86-64 (our reading). Real answer:
   * {@code Invalid resource usage: 'Requested boot disk architecture (X86_64) is not compatible with machine
   * type architecture (ARM64).'} (https://github.com/kubermatic/machine-controller/pull/1520).
   */
  static void checkArchitecture(MachineTypeCatalog.MachineType type, String imageArchitecture) {
    String disk = imageArchitecture == null ? "X86_64" : imageArchitecture;
    String machine = type.family().effectiveArchitecture();
    if (!disk.equals(machine)) {
      throw ApiError.of(400, "invalidResourceUsage", "Invalid resource usage: 'Requested boot disk architecture ("
          + disk + ") is not compatible with machine type architecture (" + machine + ").'");
    }
  }

  /** {@code [pd-standard, n4-standard-2] features are not compatible for creating instance.} (dsub#301). */
  static void checkBootDisk(MachineTypeCatalog.MachineType type, String field, String given, String diskType) {
    if (!type.family().bootDiskTypes().contains(diskType)) {
      throw GoogleErrors.invalidField(field, given == null ? "" : given,
          "[" + diskType + ", " + type.name() + "] features are not compatible for creating instance.");
    }
  }

  /**
   * gVNIC-only series refuse virtio-net, and a boot disk whose image lacks the GVNIC guest OS feature:
   * {@code This boot disk source does not support gVNIC.} (https://github.com/siderolabs/pkgs/issues/1295).
   */
  static void checkNic(MachineTypeCatalog.MachineType type, JsonNode bootDisk, JsonNode nic) {
    if (!type.family().gvnicOnly()) {
      return;
    }
    String nicType = GoogleJson.text(nic, "nicType");
    if ("VIRTIO_NET".equals(nicType)) {
      throw GoogleErrors.invalidField("resource.networkInterfaces[0].nicType", nicType,
          "Machine type " + type.name() + " supports only the GVNIC network interface.");
    }
    boolean gvnicImage = false;
    for (JsonNode feature : bootDisk.path("guestOsFeatures")) {
      gvnicImage |= "GVNIC".equals(feature.path("type").asText());
    }
    if (!gvnicImage) {
      throw GoogleErrors.invalid("This boot disk source does not support gVNIC.");
    }
  }
}
