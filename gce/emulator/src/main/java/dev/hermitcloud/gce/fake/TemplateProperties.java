package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instance template's {@code properties}: validated at insert as the instance they describe would be
 * (its source image must exist and be READY then), and turned into the insert body of one instance in a
 * zone. The machine type is a bare name such as {@code e2-small}, not a URL
 * (per https://cloud.google.com/compute/docs/reference/rest/v1/instanceTemplates).
 */
final class TemplateProperties {
  private static final String ROOT = "resource.properties";
  private static final Pattern SUBNET_REGION = Pattern.compile(".*regions/([^/]+)/subnetworks/.*");
  /** The zone a template is checked in when nothing in it names a region. */
  private static final String CHECK_ZONE = "us-central1-a";

  private TemplateProperties() {}

  /** Throws the 400/404 GCE answers for bad properties. Call with the store locked. */
  static void validate(ComputeContext ctx, String project, JsonNode properties) {
    if (properties == null || !properties.isObject()) {
      throw GoogleErrors.required(ROOT);
    }
    String type = GoogleJson.text(properties, "machineType");
    if (type == null || type.isBlank()) {
      throw GoogleErrors.required(ROOT + ".machineType");
    }
    if (type.contains("/")) {
      throw GoogleErrors.invalidField(ROOT + ".machineType", type,
          "An instance template names its machine type without a zone, e.g. 'e2-small'.");
    }
    if (MachineTypeCatalog.find(type) == null) {
      throw GoogleErrors.invalidField(ROOT + ".machineType", type,
          "Machine type with name '" + type + "' does not exist.");
    }
    JsonNode disks = properties.path("disks");
    for (int i = 0; i < disks.size(); i++) {
      String diskType = GoogleJson.text(disks.get(i).path("initializeParams"), "diskType");
      if (diskType != null && diskType.contains("/")) {
        // per compute.proto (AttachedDiskInitializeParams.disk_type): "If you specify this field when creating
        // or updating an instance template ..., specify the type of the disk, not the URL. For example: pd-standard."
        throw GoogleErrors.invalidField(ROOT + ".disks[" + i + "].initializeParams.diskType", diskType,
            "An instance template names its disk type without a zone, e.g. 'pd-balanced'.");
      }
    }
    String zone = checkZone(properties);
    ResourceKey trial = ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, "template-check");
    new InstanceBuilder(ctx.store(), ctx.networks(), project, zone, ZoneCatalog.requireRegion(zone), ROOT)
        .build(forZone((ObjectNode) properties, zone), trial, 0, GoogleJson.computeTime(Instant.now()));
  }

  /**
   * The insert body of an instance of the template in {@code zone}: the template's labels only, and the
   * metadata GCE sets on every managed instance, overwriting what the template says: {@code created-by}
   * the manager's path (per https://github.com/istio/istio/pull/22820) and {@code instance-template} the
   * template's (per https://github.com/hashicorp/terraform-provider-google/issues/15606). GCE writes the
   * project's number there; the fake has none and writes its id.
   */
  static ObjectNode instanceBody(StoredResource template, String zone, String name, String managerPath) {
    ObjectNode body = forZone((ObjectNode) template.json().get("properties"), zone);
    body.put("name", name);
    ObjectNode metadata = body.withObjectProperty("metadata");
    ArrayNode items = metadata.withArrayProperty("items");
    for (int i = items.size() - 1; i >= 0; i--) {
      String key = GoogleJson.text(items.get(i), "key");
      if ("created-by".equals(key) || "instance-template".equals(key)) {
        items.remove(i);
      }
    }
    items.addObject().put("key", "instance-template").put("value", template.key().path());
    items.addObject().put("key", "created-by").put("value", managerPath);
    return body;
  }

  /** 400 unless the manager's zone can run the template (its subnetwork's region). */
  static void requireUsableIn(StoredResource template, String zone) {
    String region = regionOf(template.json().get("properties"));
    if (region != null && !region.equals(ZoneCatalog.requireRegion(zone))) {
      throw ApiError.of(400, "invalid", "Instance template '" + template.key().name()
          + "' uses a subnetwork of region '" + region + "', not of the zone '" + zone + "'.");
    }
  }

  private static ObjectNode forZone(ObjectNode properties, String zone) {
    ObjectNode body = properties.deepCopy();
    body.put("machineType", "zones/" + zone + "/machineTypes/" + GoogleJson.text(properties, "machineType"));
    for (JsonNode disk : body.path("disks")) {
      JsonNode init = disk.path("initializeParams");
      String diskType = GoogleJson.text(init, "diskType");
      if (diskType != null && !diskType.contains("/")) {
        ((ObjectNode) init).put("diskType", "zones/" + zone + "/diskTypes/" + diskType);
      }
    }
    return body;
  }

  private static String checkZone(JsonNode properties) {
    String region = regionOf(properties);
    if (region == null) {
      return CHECK_ZONE;
    }
    return ZoneCatalog.zonesOf(region).stream().findFirst().orElseThrow(() ->
        GoogleErrors.invalidField(ROOT + ".networkInterfaces[0].subnetwork", region, "Unknown region."));
  }

  private static String regionOf(JsonNode properties) {
    String subnet = GoogleJson.text(properties.path("networkInterfaces").path(0), "subnetwork");
    if (subnet == null) {
      return null;
    }
    Matcher m = SUBNET_REGION.matcher(subnet);
    return m.matches() ? m.group(1) : null;
  }
}
