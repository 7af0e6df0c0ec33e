package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;

/**
 * A manager's {@code updatePolicy} with GCE's defaults: type PROACTIVE, minimalAction REPLACE,
 * maxSurge and maxUnavailable a fixed 1 for a zonal group (per
 * https://hexdocs.pm/google_api_compute/0.9.0/GoogleApi.Compute.V1.Model.InstanceGroupManagerUpdatePolicy.html),
 * the number of its zones for a regional one, whose fixed values must each be 0 or at least that number
 * (per https://storage.googleapis.com/pulumi-kotlin-docs/gcp/6.67.1.1/pulumi-gcp-kotlin/com.pulumi.gcp.compute.kotlin.inputs/-region-instance-group-manager-update-policy-args/index.html,
 * the regional manager's update policy as Google's provider documents it); at least one of the two above 0, and a percentage only
 * for a group of 10 or more instances
 * (per https://cloud.google.com/python/docs/reference/compute/0.3.0/google.cloud.compute_v1.types.InstanceGroupManagerUpdatePolicy).
 */
record UpdatePolicy(boolean proactive, int maxSurge, int maxUnavailable) {
  private static final String AT = "resource.updatePolicy";

  /** The policy as GET shows it, defaults filled in; throws GCE's 400 for a bad one. */
  static ObjectNode normalize(JsonNode given, int targetSize, int zones) {
    ObjectNode out = given != null && given.isObject() ? ((ObjectNode) given).deepCopy() : Json.object();
    String type = GoogleJson.text(out, "type");
    if (type == null) {
      out.put("type", "PROACTIVE");
    } else if (!type.equals("PROACTIVE") && !type.equals("OPPORTUNISTIC")) {
      throw GoogleErrors.invalidField(AT + ".type", type, "Must be PROACTIVE or OPPORTUNISTIC.");
    }
    for (String action : new String[] {"minimalAction", "mostDisruptiveAllowedAction"}) {
      String value = GoogleJson.text(out, action);
      if (value != null && !value.equals("NONE") && !value.equals("REFRESH") && !value.equals("RESTART")
          && !value.equals("REPLACE")) {
        throw GoogleErrors.invalidField(AT + "." + action, value, "Must be NONE, REFRESH, RESTART or REPLACE.");
      }
    }
    if (!out.has("minimalAction")) {
      out.put("minimalAction", "REPLACE");
    }
    int surge = fixedOrPercent(out, "maxSurge", targetSize, zones);
    int unavailable = fixedOrPercent(out, "maxUnavailable", targetSize, zones);
    for (String field : new String[] {"maxSurge", "maxUnavailable"}) {
      JsonNode fixed = out.path(field).path("fixed");
      if (zones > 1 && fixed.isInt() && fixed.asInt() > 0 && fixed.asInt() < zones) {
        throw GoogleErrors.invalidField(AT + "." + field + ".fixed", fixed.asText(), "Fixed " + field + " for a regional"
            + " managed instance group must be either 0 or at least equal to the number of zones (" + zones + ").");
      }
    }
    if (surge == 0 && unavailable == 0) {
      throw GoogleErrors.invalidField(AT + ".maxUnavailable", "0",
          "At least one of either maxSurge or maxUnavailable must be greater than 0.");
    }
    if (!out.has("replacementMethod")) {
      out.put("replacementMethod", "SUBSTITUTE");
    }
    return out;
  }

  /** The policy of a normalized manager. */
  static UpdatePolicy of(JsonNode manager) {
    JsonNode p = manager.path("updatePolicy");
    int size = manager.path("targetSize").asInt();
    return new UpdatePolicy(!"OPPORTUNISTIC".equals(p.path("type").asText()),
        resolve(p.path("maxSurge"), size), resolve(p.path("maxUnavailable"), size));
  }

  private static int fixedOrPercent(ObjectNode policy, String field, int targetSize, int zones) {
    String at = AT + "." + field;
    JsonNode value = policy.get(field);
    if (value == null || value.isNull() || !value.has("fixed") && !value.has("percent")) {
      policy.putObject(field).put("fixed", zones).put("calculated", zones);
      return zones;
    }
    ObjectNode v = (ObjectNode) value;
    if (v.has("fixed") && v.has("percent")) {
      throw GoogleErrors.invalidField(at, "", "Only one of fixed or percent may be set.");
    }
    if (v.has("fixed")) {
      int fixed = v.get("fixed").asInt();
      if (fixed < 0) {
        throw GoogleErrors.invalidField(at + ".fixed", String.valueOf(fixed), "Must be at least 0.");
      }
      v.put("calculated", fixed);
      return fixed;
    }
    int percent = v.get("percent").asInt();
    if (percent < 0 || percent > 100) {
      throw GoogleErrors.invalidField(at + ".percent", String.valueOf(percent), "Must be between 0 and 100.");
    }
    if (targetSize < 10) {
      throw GoogleErrors.invalidField(at + ".percent", String.valueOf(percent),
          "A percentage is allowed only for a group of 10 or more instances.");
    }
    int calculated = resolve(v, targetSize);
    v.put("calculated", calculated);
    return calculated;
  }

  /** "If you set a percentage, the number of instances will be rounded up if necessary." */
  private static int resolve(JsonNode v, int targetSize) {
    if (v.has("fixed")) {
      return v.get("fixed").asInt();
    }
    return (int) Math.ceil(targetSize * v.path("percent").asInt() / 100.0);
  }
}
