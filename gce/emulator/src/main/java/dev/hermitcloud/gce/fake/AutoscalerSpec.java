package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Validates an autoscaler like GCE and fills its defaults: maxNumReplicas is required and not below
 * minNumReplicas, coolDownPeriodSec defaults to 60, a CPU target lies in (0, 1], mode ON, OFF or
 * ONLY_SCALE_OUT (per https://cloud.google.com/compute/docs/reference/latest/autoscalers and
 * https://hexdocs.pm/google_api_compute/0.9.0/GoogleApi.Compute.V1.Model.AutoscalingPolicy.html). The target
 * must be a manager of the same zone that no other autoscaler targets. Call with the store locked.
 */
final class AutoscalerSpec {
  private static final String AT = "resource.autoscalingPolicy";
  private static final Set<String> MODES = Set.of("ON", "OFF", "ONLY_SCALE_OUT");

  private AutoscalerSpec() {}

  static ObjectNode normalize(ComputeStore store, String project, String zone, ObjectNode given, String self) {
    ObjectNode out = given.deepCopy();
    FieldRules.name("resource.name", GoogleJson.text(given, "name"));
    FieldRules.description("resource.description", GoogleJson.text(given, "description"));
    out.put("target", requireTarget(store, project, zone, GoogleJson.text(given, "target"), self));
    ObjectNode policy = out.withObjectProperty("autoscalingPolicy");
    Long max = GoogleJson.int64(policy, "maxNumReplicas");
    if (max == null) {
      throw GoogleErrors.required(AT + ".maxNumReplicas");
    }
    Long min = GoogleJson.int64(policy, "minNumReplicas");
    long low = min == null ? 1 : min;
    if (low < 0) {
      throw GoogleErrors.invalidField(AT + ".minNumReplicas", String.valueOf(low), "Must be at least 0.");
    }
    if (max < low || max > 1000) {
      throw GoogleErrors.invalidField(AT + ".maxNumReplicas", max.toString(),
          "The maximum number of replicas must not be lower than the minimal number of replicas.");
    }
    policy.put("minNumReplicas", (int) low);
    policy.put("maxNumReplicas", max.intValue());
    Long coolDown = GoogleJson.int64(policy, "coolDownPeriodSec");
    policy.put("coolDownPeriodSec", coolDown == null ? 60 : coolDown.intValue());
    ObjectNode cpu = policy.withObjectProperty("cpuUtilization");
    JsonNode target = cpu.get("utilizationTarget");
    double t = target == null || target.isNull() ? 0.6 : target.asDouble();
    if (!(t > 0 && t <= 1)) {
      throw GoogleErrors.invalidField(AT + ".cpuUtilization.utilizationTarget", String.valueOf(t),
          "Must be greater than 0.0 and at most 1.0.");
    }
    cpu.put("utilizationTarget", t);
    if (!cpu.has("predictiveMethod")) {
      cpu.put("predictiveMethod", "NONE");
    }
    String mode = GoogleJson.text(policy, "mode");
    if (mode == null) {
      policy.put("mode", "ON");
    } else if (!MODES.contains(mode)) {
      throw GoogleErrors.invalidField(AT + ".mode", mode, "Must be one of " + MODES + ".");
    }
    return out;
  }

  private static String requireTarget(ComputeStore store, String project, String zone, String ref, String self) {
    if (ref == null) {
      throw GoogleErrors.required("resource.target");
    }
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "instanceGroupManagers");
    if (parsed == null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField("resource.target", ref, "The URL is malformed.");
    }
    if (!zone.equals(parsed.zone()) || !project.equals(parsed.project())) {
      throw GoogleErrors.invalidField("resource.target", ref, "The target must be a managed instance group in zone '"
          + zone + "'.");
    }
    StoredResource manager = store.visible(
        ResourceKey.zonal(ComputeKind.INSTANCE_GROUP_MANAGER, project, zone, parsed.name()));
    if (manager == null) {
      throw GoogleErrors.notFound(parsed.path());
    }
    for (StoredResource other : store.list(ComputeKind.AUTOSCALER, project, zone)) {
      if (!other.key().name().equals(self) && manager.selfLink().equals(GoogleJson.text(other.json(), "target"))) {
        throw GoogleErrors.invalidField("resource.target", ref,
            "The managed instance group is already autoscaled by '" + other.key().path() + "'.");
      }
    }
    return manager.selfLink();
  }
}
