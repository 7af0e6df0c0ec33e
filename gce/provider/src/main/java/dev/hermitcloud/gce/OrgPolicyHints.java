package dev.hermitcloud.gce;

import java.util.Map;

/**
 * What to do about the organisation policies that refuse a hermit instance with 412 {@code conditionNotMet}
 * (audit B4): {@code constraints/compute.requireShieldedVm} refuses images without UEFI, and hermit images
 * boot through GRUB's BIOS code (https://github.com/fortinet/fortigate-terraform-deploy/issues/34);
 * {@code constraints/compute.vmExternalIpAccess} refuses the external address every instance gets
 * (https://github.com/GoogleCloudPlatform/compute-image-tools/pull/1476). See
 * https://cloud.google.com/resource-manager/docs/organization-policy/org-policy-constraints.
 *
 * <p>Example: {@code OrgPolicyHints.explain("Constraint constraints/compute.requireShieldedVm violated ...")}.
 */
final class OrgPolicyHints {
  private static final Map<String, String> HINTS = Map.of(
      "constraints/compute.requireShieldedVm",
      "this project requires Shielded VM, which needs a UEFI image, and hermit images boot through BIOS GRUB:"
          + " ask the organisation's admin to exempt the project from constraints/compute.requireShieldedVm",
      "constraints/compute.vmExternalIpAccess",
      "the organisation forbids external addresses for these instances: ask its admin to allow them in"
          + " constraints/compute.vmExternalIpAccess, or deploy to a project that allows them");

  private OrgPolicyHints() {}

  /** The cloud's message, followed by what to do when it names a known constraint. */
  static String explain(String message) {
    for (Map.Entry<String, String> hint : HINTS.entrySet()) {
      if (message.contains(hint.getKey())) {
        return message + " (" + hint.getValue() + ")";
      }
    }
    return message;
  }
}
