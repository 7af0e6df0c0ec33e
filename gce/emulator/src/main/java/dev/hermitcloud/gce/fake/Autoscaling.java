package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What an autoscaler does to the manager it targets. The fake has no CPU load: every instance idles,
 * so the autoscaler recommends minNumReplicas and, in mode ON, sets the manager's targetSize to it (in
 * ONLY_SCALE_OUT it only raises it, OFF leaves it). A manual resize of an autoscaled manager is
 * accepted and then overridden at once, as the autoscaler owns the size while it is ON. Call with the
 * store locked.
 */
final class Autoscaling {
  private Autoscaling() {}

  /** Applies the manager's autoscaler, if it has one, to its targetSize. */
  static void apply(ComputeStore store, StoredResource manager) {
    of(store, manager).ifPresent(autoscaler -> apply(autoscaler.json(), manager.json()));
  }

  /** The autoscaler (zonal or regional, as the manager) that targets the manager, if one does. */
  static Optional<StoredResource> of(ComputeStore store, StoredResource manager) {
    ComputeKind kind = manager.key().region() != null ? ComputeKind.REGION_AUTOSCALER : ComputeKind.AUTOSCALER;
    for (StoredResource autoscaler : store.list(kind, manager.key().project(), manager.key().location())) {
      if (manager.selfLink().equals(GoogleJson.text(autoscaler.json(), "target"))) {
        return Optional.of(autoscaler);
      }
    }
    return Optional.empty();
  }

  private static void apply(ObjectNode autoscaler, ObjectNode manager) {
    JsonNode policy = autoscaler.path("autoscalingPolicy");
    int min = policy.path("minNumReplicas").asInt();
    int max = policy.path("maxNumReplicas").asInt();
    int size = manager.path("targetSize").asInt();
    // idle CPU: the smallest group the policy allows
    int recommended = min;
    autoscaler.put("recommendedSize", recommended);
    autoscaler.put("status", "ACTIVE");
    String mode = policy.path("mode").asText("ON");
    int next = switch (mode) {
      case "ON" -> recommended;
      case "ONLY_SCALE_OUT" -> Math.min(max, Math.max(size, recommended));
      default -> size;
    };
    if (next != size) {
      manager.put("targetSize", next);
    }
  }

  /** An autoscaler goes with the manager it targets. */
  static void dropFor(ComputeStore store, StoredResource manager) {
    of(store, manager).ifPresent(autoscaler -> store.remove(autoscaler.key()));
  }
}
