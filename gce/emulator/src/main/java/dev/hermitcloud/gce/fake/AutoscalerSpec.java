package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an autoscaler like GCE and fills its defaults: maxNumReplicas is required and not below
 * minNumReplicas, coolDownPeriodSec defaults to 60, a CPU target lies in (0, 1], mode ON, OFF or
 * ONLY_SCALE_OUT (per https://cloud.google.com/compute/docs/reference/latest/autoscalers and
 * https://hexdocs.pm/google_api_compute/0.9.0/GoogleApi.Compute.V1.Model.AutoscalingPolicy.html). The target
 * must be a manager of the same zone (a regional autoscaler's: of the same region) that no other
 * autoscaler targets. Call with the store locked.
 */
final class AutoscalerSpec {
  private static final String AT = "resource.autoscalingPolicy";
  private static final Set<String> MODES = Set.of("ON", "OFF", "ONLY_SCALE_OUT");

  private AutoscalerSpec() {}

  private static final Pattern REGIONAL_TARGET = Pattern.compile(
      "(?:https?://[^/]+/compute/v1/)?(?:projects/([^/]+)/)?regions/([^/]+)/instanceGroupManagers/([^/]+)");

  /** @param self the autoscaler's own key: its kind, project and zone or region */
  static ObjectNode normalize(ComputeStore store, ResourceKey self, ObjectNode given) {
    ObjectNode out = given.deepCopy();
    FieldRules.name("resource.name", GoogleJson.text(given, "name"));
    FieldRules.description("resource.description", GoogleJson.text(given, "description"));
    out.put("target", requireTarget(store, self, GoogleJson.text(given, "target")));
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

  private static String requireTarget(ComputeStore store, ResourceKey self, String ref) {
    if (ref == null) {
      throw GoogleErrors.required("resource.target");
    }
    ResourceKey target = targetKey(self, ref);
    if (target == null) {
      throw GoogleErrors.invalidField("resource.target", ref, "The URL is malformed.");
    }
    if (!self.location().equals(target.location()) || !self.project().equals(target.project())) {
      throw GoogleErrors.invalidField("resource.target", ref, "The target must be a managed instance group in '"
          + self.location() + "'.");
    }
    StoredResource manager = store.visible(target);
    if (manager == null) {
      throw GoogleErrors.notFound(target.path());
    }
    for (StoredResource other : store.list(self.kind(), self.project(), self.location())) {
      if (!other.key().name().equals(self.name())
          && manager.selfLink().equals(GoogleJson.text(other.json(), "target"))) {
        throw GoogleErrors.invalidField("resource.target", ref,
            "The managed instance group is already autoscaled by '" + other.key().path() + "'.");
      }
    }
    return manager.selfLink();
  }

  /** The manager a target names: zonal for a zonal autoscaler, regional for a regional one; null if malformed. */
  private static ResourceKey targetKey(ResourceKey self, String ref) {
    if (self.region() != null) {
      Matcher m = REGIONAL_TARGET.matcher(ref.trim());
      return m.matches() ? ResourceKey.regional(ComputeKind.REGION_INSTANCE_GROUP_MANAGER,
          m.group(1) == null ? self.project() : m.group(1), m.group(2), m.group(3)) : null;
    }
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, self.project(), "instanceGroupManagers");
    if (parsed == null || parsed.zone() == null || parsed.name().contains("/")) {
      return null;
    }
    return ResourceKey.zonal(ComputeKind.INSTANCE_GROUP_MANAGER, parsed.project(), parsed.zone(), parsed.name());
  }
}
