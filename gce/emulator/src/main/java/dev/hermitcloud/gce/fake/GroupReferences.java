package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which group manager refers to a template or a health check, so that their deletes are refused while
 * one does, as GCE refuses them (resourceInUseByAnotherResource). Call with the store locked.
 */
final class GroupReferences {
  private GroupReferences() {}

  /** 400 when a manager of the project names the template as its instanceTemplate or in its versions. */
  static void refuseTemplateInUse(ComputeStore store, StoredResource template) {
    for (StoredResource manager : managers(store)) {
      JsonNode m = manager.json();
      boolean uses = template.selfLink().equals(GoogleJson.text(m, "instanceTemplate"));
      for (JsonNode v : m.path("versions")) {
        uses |= template.selfLink().equals(GoogleJson.text(v, "instanceTemplate"));
      }
      if (uses) {
        throw GoogleErrors.inUse("instance_template", template.key().path(), manager.key().path());
      }
    }
  }

  /** Zonal and regional managers alike. */
  private static java.util.List<StoredResource> managers(ComputeStore store) {
    java.util.List<StoredResource> out = new java.util.ArrayList<>(store.all(ComputeKind.INSTANCE_GROUP_MANAGER));
    out.addAll(store.all(ComputeKind.REGION_INSTANCE_GROUP_MANAGER));
    return out;
  }

  /** 400 when a manager's autohealing policy names the health check. */
  static void refuseHealthCheckInUse(ComputeStore store, StoredResource check) {
    for (StoredResource manager : managers(store)) {
      for (JsonNode policy : manager.json().path("autoHealingPolicies")) {
        if (check.selfLink().equals(GoogleJson.text(policy, "healthCheck"))) {
          throw GoogleErrors.inUse("health_check", check.key().path(), manager.key().path());
        }
      }
    }
  }
}
