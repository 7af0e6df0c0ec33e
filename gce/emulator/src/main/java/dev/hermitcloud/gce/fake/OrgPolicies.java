package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Organisation policy constraints the fake enforces at {@code instances.insert}, with GCE's 412
 * {@code conditionNotMet} answers (audit B4): {@code compute.requireShieldedVm} refuses a boot image without
 * UEFI_COMPATIBLE (https://github.com/fortinet/fortigate-terraform-deploy/issues/34), and
 * {@code compute.vmExternalIpAccess} refuses an external address
 * (https://github.com/GoogleCloudPlatform/compute-image-tools/pull/1476).
 */
record OrgPolicies(Set<String> constraints) {
  static final Set<String> KNOWN = Set.of("compute.requireShieldedVm", "compute.vmExternalIpAccess");

  void check(String project, String zone, String name, JsonNode instance, String sourceImage) {
    if (constraints.contains("compute.requireShieldedVm")) {
      boolean uefi = false;
      for (JsonNode feature : instance.path("disks").path(0).path("guestOsFeatures")) {
        uefi |= "UEFI_COMPATIBLE".equals(feature.path("type").asText());
      }
      if (!uefi) {
        throw GoogleErrors.conditionNotMet("Constraint constraints/compute.requireShieldedVm violated for project projects/"
            + project + ". The boot disk's 'initialize_params.source_image' field specifies a non-Shielded image: "
            + sourceImage + ".");
      }
    }
    if (constraints.contains("compute.vmExternalIpAccess") && instance.path("networkInterfaces").path(0).has("accessConfigs")) {
      throw GoogleErrors.conditionNotMet("Constraint constraints/compute.vmExternalIpAccess violated for project "
          + project + ". Add instance projects/" + project + "/zones/" + zone + "/instances/" + name
          + " to the constraint to use external IP with it.");
    }
  }
}
