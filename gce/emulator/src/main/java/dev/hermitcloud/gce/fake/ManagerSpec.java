package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates what a client sets on an instance group manager (insert, or the merged result of a patch)
 * and fills GCE's defaults. Templates and health checks must exist; references come back as full URLs.
 * Call with the store locked.
 */
final class ManagerSpec {
  /**
   * "The base instance name ... must be 1-58 characters long": GCE appends a hyphen and four
   * characters (per https://cloud.google.com/compute/docs/reference/rest/v1/instanceGroupManagers?authuser=0000&hl=it).
   */
  private static final Pattern BASE_NAME = Pattern.compile("[a-z](?:[-a-z0-9]{0,57})");

  private ManagerSpec() {}

  /**
   * @param zone the zonal manager's zone, or null for a regional one
   * @param region the regional manager's region, or null for a zonal one
   */
  static ObjectNode normalize(ComputeStore store, String project, String zone, String region, ObjectNode given) {
    ObjectNode out = given.deepCopy();
    List<String> zones = zone != null ? List.of(zone) : distribution(out, project, region);
    zone = zones.get(0);
    FieldRules.name("resource.name", GoogleJson.text(given, "name"));
    FieldRules.description("resource.description", GoogleJson.text(given, "description"));
    String base = GoogleJson.text(given, "baseInstanceName");
    if (base == null) {
      throw GoogleErrors.required("resource.baseInstanceName");
    }
    if (!BASE_NAME.matcher(base).matches() || base.endsWith("-")) {
      throw GoogleErrors.invalidField("resource.baseInstanceName", base,
          "Must be 1-58 characters long and match '[a-z]([-a-z0-9]*[a-z0-9])?'.");
    }
    Long size = GoogleJson.int64(given, "targetSize");
    int targetSize = size == null ? 0 : size.intValue();
    if (targetSize < 0 || targetSize > 1000) {
      throw GoogleErrors.invalidField("resource.targetSize", String.valueOf(size), "Must be between 0 and 1000.");
    }
    out.put("targetSize", targetSize);
    templates(store, project, zone, out);
    out.set("autoHealingPolicies", autoHealing(store, project, given.get("autoHealingPolicies")));
    out.set("updatePolicy", UpdatePolicy.normalize(given.get("updatePolicy"), targetSize, zones.size()));
    namedPorts(given.get("namedPorts"));
    return out;
  }

  /** The zones a manager's instances go to: its own, or its distribution policy's. */
  static List<String> zonesOf(JsonNode manager) {
    List<String> out = new ArrayList<>();
    for (JsonNode z : manager.path("distributionPolicy").path("zones")) {
      out.add(lastSegment(z.path("zone").asText()));
    }
    if (out.isEmpty()) {
      out.add(lastSegment(manager.path("zone").asText()));
    }
    return out;
  }

  /**
   * A regional manager's distributionPolicy: the given zones, each of the region, or three of the region's
   * zones (GCE picks three when none are named, per
   * https://cloud.google.com/compute/docs/instance-groups/distributing-instances-with-regional-instance-groups;
   * the fake takes the first three by name); targetShape EVEN unless given (per https://cloud.google.com/compute/docs/reference/rest/v1/instanceGroupManagers?authuser=0000&hl=it).
   */
  private static List<String> distribution(ObjectNode out, String project, String region) {
    ObjectNode policy = out.withObjectProperty("distributionPolicy");
    List<String> zones = new ArrayList<>();
    JsonNode given = policy.path("zones");
    for (int i = 0; i < given.size(); i++) {
      String zone = lastSegment(given.get(i).path("zone").asText());
      if (!ZoneCatalog.zonesOf(region).contains(zone)) {
        throw GoogleErrors.invalidField("resource.distributionPolicy.zones[" + i + "].zone",
            given.get(i).path("zone").asText(), "The zone must be in region '" + region + "'.");
      }
      zones.add(zone);
    }
    if (zones.isEmpty()) {
      zones.addAll(ZoneCatalog.requireZones(region).stream().limit(3).toList());
    }
    ArrayNode list = policy.putArray("zones");
    zones.forEach(z -> list.addObject().put("zone", ResourceLinks.zoneUrl(project, z)));
    if (!policy.has("targetShape")) {
      policy.put("targetShape", "EVEN");
    }
    return zones;
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /**
   * instanceTemplate and versions describe the same thing: one set alone sets the other (a single
   * version, or the version without a target size).
   */
  private static void templates(ComputeStore store, String project, String zone, ObjectNode out) {
    JsonNode versions = out.get("versions");
    boolean hasVersions = versions != null && versions.isArray() && !versions.isEmpty();
    String template = GoogleJson.text(out, "instanceTemplate");
    if (template == null && !hasVersions) {
      throw GoogleErrors.required("resource.instanceTemplate");
    }
    if (!hasVersions) {
      ArrayNode single = Json.array();
      single.addObject().put("instanceTemplate", template);
      out.set("versions", single);
      versions = single;
    }
    Set<String> seen = new HashSet<>();
    String rest = null;
    for (int i = 0; i < versions.size(); i++) {
      ObjectNode v = (ObjectNode) versions.get(i);
      String at = "resource.versions[" + i + "].instanceTemplate";
      String url = requireTemplate(store, project, zone, at, GoogleJson.text(v, "instanceTemplate"));
      if (!seen.add(url)) {
        throw GoogleErrors.invalidField(at, url, "Every version can appear at most once per instance group.");
      }
      v.put("instanceTemplate", url);
      if (!v.has("targetSize")) {
        if (rest != null) {
          throw GoogleErrors.invalidField("resource.versions[" + i + "].targetSize", "",
              "Exactly one version must leave its target size unset.");
        }
        rest = url;
      }
    }
    if (rest == null) {
      throw GoogleErrors.invalidField("resource.versions", "", "Exactly one version must leave its target size unset.");
    }
    out.put("instanceTemplate", rest);
  }

  private static String requireTemplate(ComputeStore store, String project, String zone, String field, String ref) {
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "instanceTemplates");
    if (parsed == null || parsed.zone() != null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField(field, ref, "The URL is malformed.");
    }
    StoredResource template = store.visible(
        ResourceKey.global(ComputeKind.INSTANCE_TEMPLATE, parsed.project(), parsed.name()));
    if (template == null) {
      throw GoogleErrors.notFound(parsed.path());
    }
    TemplateProperties.requireUsableIn(template, zone);
    return template.selfLink();
  }

  /** "You can specify only one value"; the delay must be in [0, 3600] (per
   * https://cloud.google.com/ruby/docs/reference/google-cloud-compute-v1/1.7.0/Google-Cloud-Compute-V1-InstanceGroupManagerAutoHealingPolicy). */
  private static ArrayNode autoHealing(ComputeStore store, String project, JsonNode given) {
    ArrayNode out = Json.array();
    if (given == null || given.isNull() || given.isEmpty()) {
      return out;
    }
    if (given.size() > 1) {
      throw GoogleErrors.invalidField("resource.autoHealingPolicies", "", "At most one autohealing policy is allowed.");
    }
    JsonNode policy = given.get(0);
    String at = "resource.autoHealingPolicies[0]";
    String ref = GoogleJson.text(policy, "healthCheck");
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "healthChecks");
    if (parsed == null || parsed.zone() != null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField(at + ".healthCheck", ref, "The URL is malformed.");
    }
    StoredResource check = store.visible(ResourceKey.global(ComputeKind.HEALTH_CHECK, parsed.project(), parsed.name()));
    if (check == null) {
      throw GoogleErrors.notFound(parsed.path());
    }
    ObjectNode p = out.addObject();
    p.put("healthCheck", check.selfLink());
    Long delay = GoogleJson.int64(policy, "initialDelaySec");
    if (delay != null) {
      if (delay < 0 || delay > 3600) {
        throw GoogleErrors.invalidField(at + ".initialDelaySec", delay.toString(), "Must be from range [0, 3600].");
      }
      p.put("initialDelaySec", delay.intValue());
    }
    return out;
  }

  private static void namedPorts(JsonNode ports) {
    if (ports == null || ports.isNull()) {
      return;
    }
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      FieldRules.name("resource.namedPorts[" + i + "].name", GoogleJson.text(port, "name"));
      int n = port.path("port").asInt(-1);
      if (n < 1 || n > 65535) {
        throw GoogleErrors.invalidField("resource.namedPorts[" + i + "].port", port.path("port").asText(),
            "Must be between 1 and 65535.");
      }
    }
  }
}
