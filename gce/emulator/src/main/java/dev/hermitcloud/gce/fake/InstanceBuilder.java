package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.util.Set;

/**
 * Validates an instance insert body like GCE (machine type, boot disk image and size, network,
 * labels, tags, metadata, scheduling, service accounts) and builds the resource GET returns, still
 * without addresses. Call with the compute store locked (it reads images).
 */
final class InstanceBuilder {
  private static final Set<String> DISK_TYPES =
      Set.of("pd-standard", "pd-balanced", "pd-ssd", "pd-extreme", "hyperdisk-balanced");
  /** "If not specified, the default is pd-standard" (AttachedDiskInitializeParams.diskType). */
  private static final String DEFAULT_DISK_TYPE = "pd-standard";
  private static final Set<String> PROVISIONING_MODELS = Set.of("STANDARD", "SPOT");

  private final ComputeStore store;
  private final Networks networks;
  private final String project;
  private final String zone;
  private final String region;
  /** Where the instance's fields sit in the request, for error messages: a template's are under properties. */
  private final String root;

  InstanceBuilder(ComputeStore store, Networks networks, String project, String zone, String region) {
    this(store, networks, project, zone, region, "resource");
  }

  InstanceBuilder(ComputeStore store, Networks networks, String project, String zone, String region, String root) {
    this.root = root;
    this.store = store;
    this.networks = networks;
    this.project = project;
    this.zone = zone;
    this.region = region;
  }

  /** The instance JSON with status PROVISIONING; throws the 4xx GCE would answer. */
  ObjectNode build(ObjectNode body, ResourceKey key, long id, String created) {
    String name = key.name();
    ObjectNode json = body.deepCopy();
    json.put("kind", "compute#instance");
    GoogleJson.putInt64(json, "id", id);
    json.put("creationTimestamp", created);
    json.put("name", name);
    json.put("zone", ResourceLinks.zoneUrl(project, zone));
    json.put("selfLink", ResourceLinks.url(key.path()));
    json.put("status", "PROVISIONING");
    String machineTypeRef = GoogleJson.text(body, "machineType");
    MachineTypeCatalog.MachineType type = machineType(machineTypeRef);
    json.put("machineType", ResourceLinks.url(ResourceLinks.zonalPath(project, zone, "machineTypes", type.name())));
    ArrayNode disks = disks(body.get("disks"), name, type);
    json.set("disks", disks);
    json.set("networkInterfaces", networkInterfaces(body.get("networkInterfaces")));
    FamilyRules.checkNic(type, disks.get(0), json.get("networkInterfaces").get(0));
    FieldRules.description(root + ".description", GoogleJson.text(body, "description"));
    FieldRules.labels(root + ".labels", body.get("labels"));
    json.put("labelFingerprint", Fingerprints.of(body.get("labels")));
    ObjectNode tags = json.withObjectProperty("tags");
    FieldRules.tags(root + ".tags.items", tags.get("items"));
    tags.put("fingerprint", Fingerprints.of(tags.get("items")));
    ObjectNode metadata = json.withObjectProperty("metadata");
    FieldRules.metadata(root + ".metadata", metadata);
    metadata.put("kind", "compute#metadata");
    metadata.put("fingerprint", Fingerprints.of(metadata.get("items")));
    json.set("scheduling", scheduling(body.path("scheduling")));
    checkServiceAccounts(body.get("serviceAccounts"));
    FieldRules.bool(body, "canIpForward", root + ".canIpForward");
    FieldRules.bool(body, "deletionProtection", root + ".deletionProtection");
    if (!json.has("canIpForward")) {
      json.put("canIpForward", false);
    }
    if (!json.has("deletionProtection")) {
      json.put("deletionProtection", false);
    }
    json.put("cpuPlatform", "Unknown CPU Platform");
    json.put("startRestricted", false);
    json.put("fingerprint", Fingerprints.of(Json.object().put("id", id)));
    return json;
  }

  private MachineTypeCatalog.MachineType machineType(String ref) {
    String field = root + ".machineType";
    if (ref == null || ref.isBlank()) {
      throw GoogleErrors.invalidField(field, ref, "The machine type must be specified.");
    }
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "machineTypes");
    if (parsed == null || parsed.zone() == null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField(field, ref,
          "Must be of the form zones/ZONE/machineTypes/TYPE or its full URL.");
    }
    if (!parsed.zone().equals(zone) || !parsed.project().equals(project)) {
      throw GoogleErrors.invalidField(field, ref,
          "Machine type must be in the instance's project and zone '" + zone + "'.");
    }
    MachineTypeCatalog.MachineType type = MachineTypeCatalog.find(parsed.name());
    if (type == null) {
      throw GoogleErrors.invalidField(field, ref, "Machine type with name '" + parsed.name()
          + "' does not exist in zone '" + zone + "'.");
    }
    return type;
  }

  private ArrayNode disks(JsonNode disks, String instanceName, MachineTypeCatalog.MachineType machineType) {
    if (disks == null || !disks.isArray() || disks.isEmpty()) {
      throw GoogleErrors.invalidField(root + ".disks", "", "A boot disk must be specified.");
    }
    ArrayNode out = Json.array();
    for (int i = 0; i < disks.size(); i++) {
      JsonNode disk = disks.get(i);
      String at = root + ".disks[" + i + "]";
      boolean boot = Boolean.TRUE.equals(FieldRules.bool(disk, "boot", at + ".boot"));
      if (boot != (i == 0)) {
        throw GoogleErrors.invalidField(at + ".boot", String.valueOf(boot),
            "The first disk, and only the first disk, must be the boot disk.");
      }
      if (disk.hasNonNull("source")) {
        throw GoogleErrors.invalidField(at + ".source", disk.get("source").asText(),
            "This fake creates disks from initializeParams only.");
      }
      String type = GoogleJson.text(disk, "type");
      if (type != null && !type.equals("PERSISTENT")) {
        throw GoogleErrors.invalidField(at + ".type", type, "Only PERSISTENT disks are supported.");
      }
      JsonNode init = disk.get("initializeParams");
      if (init == null || !init.isObject()) {
        throw GoogleErrors.invalidField(at + ".initializeParams", "",
            "initializeParams must be specified to create the disk.");
      }
      long imageSizeGb = 0;
      ObjectNode outDisk = Json.object();
      String sourceImage = GoogleJson.text(init, "sourceImage");
      if (boot || sourceImage != null) {
        if (sourceImage == null) {
          throw GoogleErrors.invalidField(at + ".initializeParams.sourceImage", "",
              "The boot disk needs a source image.");
        }
        StoredResource image = ImageLookup.requireReady(
            store, at + ".initializeParams.sourceImage", sourceImage, project);
        imageSizeGb = GoogleJson.int64(image.json(), "diskSizeGb");
        if (image.json().has("guestOsFeatures")) {
          outDisk.set("guestOsFeatures", image.json().get("guestOsFeatures").deepCopy());
        }
        FamilyRules.checkArchitecture(machineType, GoogleJson.text(image.json(), "architecture"));
        if (image.json().has("architecture")) {
          outDisk.put("architecture", image.json().get("architecture").asText());
        }
      }
      Long sizeGb = GoogleJson.int64(init, "diskSizeGb");
      long size = sizeGb == null ? (imageSizeGb > 0 ? imageSizeGb : 10) : sizeGb;
      if (size < 1) {
        throw GoogleErrors.invalidField(at + ".initializeParams.diskSizeGb",
            String.valueOf(size), "Disk size must be at least 1 GB.");
      }
      if (size < imageSizeGb) {
        throw GoogleErrors.invalidField(at + ".initializeParams.diskSizeGb",
            String.valueOf(size), "Requested disk size cannot be smaller than the image size ("
                + imageSizeGb + " GB)");
      }
      String diskType = diskType(at, GoogleJson.text(init, "diskType"));
      if (boot) {
        FamilyRules.checkBootDisk(machineType, at + ".initializeParams.diskType",
            GoogleJson.text(init, "diskType"), diskType);
      }
      String diskName = GoogleJson.text(init, "diskName");
      if (diskName == null) {
        diskName = i == 0 ? instanceName : instanceName + "-" + i;
      }
      FieldRules.name(at + ".initializeParams.diskName", diskName);
      FieldRules.labels(at + ".initializeParams.labels", init.get("labels"));
      outDisk.put("kind", "compute#attachedDisk");
      outDisk.put("type", "PERSISTENT");
      outDisk.put("mode", GoogleJson.text(disk, "mode") == null ? "READ_WRITE"
          : GoogleJson.text(disk, "mode"));
      outDisk.put("source", ResourceLinks.url(
          ResourceLinks.zonalPath(project, zone, "disks", diskName)));
      outDisk.put("deviceName", GoogleJson.text(disk, "deviceName") == null
          ? "persistent-disk-" + i : GoogleJson.text(disk, "deviceName"));
      outDisk.put("index", i);
      outDisk.put("boot", boot);
      outDisk.put("autoDelete",
          Boolean.TRUE.equals(FieldRules.bool(disk, "autoDelete", at + ".autoDelete")));
      outDisk.put("interface", GoogleJson.text(disk, "interface") == null ? "SCSI"
          : GoogleJson.text(disk, "interface"));
      GoogleJson.putInt64(outDisk, "diskSizeGb", size);
      outDisk.put("diskType", diskType);
      out.add(outDisk);
    }
    return out;
  }

  /**
   * The disk type's name; the value must be a (partial) URL, {@code zones/Z/diskTypes/T}: a bare name is
   * "malformed" (https://github.com/hashicorp/terraform-provider-google/issues/3713) and an unknown type
   * "cannot be found" (https://github.com/broadinstitute/cromwell/issues/3776).
   */
  private String diskType(String at, String diskType) {
    String field = at + ".initializeParams.diskType";
    if (diskType == null) {
      return DEFAULT_DISK_TYPE;
    }
    if (!diskType.contains("/")) {
      throw GoogleErrors.invalidField(field, diskType, "The URL is malformed.");
    }
    ResourceLinks.Ref parsed = ResourceLinks.parse(diskType, project, "diskTypes");
    if (parsed == null || parsed.zone() == null) {
      throw GoogleErrors.invalidField(field, diskType, "The URL is malformed.");
    }
    if (!parsed.zone().equals(zone) || !DISK_TYPES.contains(parsed.name())) {
      throw GoogleErrors.invalidField(field, diskType, "The referenced diskType resource cannot be found.");
    }
    return parsed.name();
  }

  private ArrayNode networkInterfaces(JsonNode nics) {
    if (nics == null || !nics.isArray() || nics.isEmpty()) {
      throw GoogleErrors.invalidField(root + ".networkInterfaces", "",
          "At least one network interface must be specified.");
    }
    if (nics.size() > 1) {
      throw GoogleErrors.invalidField(root + ".networkInterfaces[1].network", "",
          "Networks must be distinct for NICs attached to a VM.");
    }
    JsonNode nic = nics.get(0);
    String at = root + ".networkInterfaces[0]";
    String[] links = networks.requireNic(at, GoogleJson.text(nic, "network"), GoogleJson.text(nic, "subnetwork"),
        project, region);
    ObjectNode out = ((ObjectNode) nic).deepCopy();
    out.put("kind", "compute#networkInterface");
    out.put("network", links[0]);
    out.put("subnetwork", links[1]);
    out.put("name", "nic0");
    out.put("stackType", "IPV4_ONLY");
    out.put("fingerprint", Fingerprints.of(nic));
    JsonNode configs = nic.get("accessConfigs");
    if (configs != null && configs.size() > 1) {
      throw GoogleErrors.invalidField(at + ".accessConfigs", "",
          "At most one access config is allowed per network interface.");
    }
    if (configs != null && configs.size() == 1) {
      JsonNode config = configs.get(0);
      String type = GoogleJson.text(config, "type");
      if (type != null && !type.equals("ONE_TO_ONE_NAT")) {
        throw GoogleErrors.invalidField(at + ".accessConfigs[0].type", type,
            "Must be ONE_TO_ONE_NAT.");
      }
      if (config.hasNonNull("natIP")) {
        throw GoogleErrors.invalidField(at + ".accessConfigs[0].natIP",
            config.get("natIP").asText(), "This fake assigns ephemeral addresses only.");
      }
      ObjectNode outConfig = ((ObjectNode) config).deepCopy();
      outConfig.put("kind", "compute#accessConfig");
      outConfig.put("type", "ONE_TO_ONE_NAT");
      if (!outConfig.has("name")) {
        outConfig.put("name", "External NAT");
      }
      if (!outConfig.has("networkTier")) {
        outConfig.put("networkTier", "PREMIUM");
      }
      out.putArray("accessConfigs").add(outConfig);
    }
    ArrayNode array = Json.array();
    array.add(out);
    return array;
  }

  private ObjectNode scheduling(JsonNode given) {
    ObjectNode out = given.isObject() ? ((ObjectNode) given).deepCopy() : Json.object();
    String model = GoogleJson.text(given, "provisioningModel");
    if (model == null) {
      model = "STANDARD";
    }
    if (!PROVISIONING_MODELS.contains(model)) {
      throw GoogleErrors.invalidField(root + ".scheduling.provisioningModel", model,
          "Must be one of " + PROVISIONING_MODELS + ".");
    }
    boolean spot = model.equals("SPOT");
    Boolean restart = FieldRules.bool(given, "automaticRestart", root + ".scheduling.automaticRestart");
    String maintenance = GoogleJson.text(given, "onHostMaintenance");
    if (maintenance != null && !maintenance.equals("MIGRATE") && !maintenance.equals("TERMINATE")) {
      throw GoogleErrors.invalidField(root + ".scheduling.onHostMaintenance", maintenance,
          "Must be MIGRATE or TERMINATE.");
    }
    if (spot && Boolean.TRUE.equals(restart)) {
      throw GoogleErrors.invalidField(root + ".scheduling.automaticRestart", "true",
          "Spot VMs cannot restart automatically.");
    }
    if (spot && "MIGRATE".equals(maintenance)) {
      throw GoogleErrors.invalidField(root + ".scheduling.onHostMaintenance", maintenance,
          "Spot VMs must terminate on host maintenance.");
    }
    String action = GoogleJson.text(given, "instanceTerminationAction");
    if (action != null && !action.equals("STOP") && !action.equals("DELETE")) {
      throw GoogleErrors.invalidField(root + ".scheduling.instanceTerminationAction", action,
          "Must be STOP or DELETE.");
    }
    out.put("provisioningModel", model);
    out.put("automaticRestart", restart != null ? restart : !spot);
    out.put("onHostMaintenance", maintenance != null ? maintenance : spot ? "TERMINATE" : "MIGRATE");
    if (!out.has("preemptible")) {
      out.put("preemptible", false);
    }
    if (spot && action == null) {
      out.put("instanceTerminationAction", "STOP");
    }
    return out;
  }

  private void checkServiceAccounts(JsonNode accounts) {
    if (accounts == null || accounts.isNull()) {
      return;
    }
    if (accounts.size() > 1) {
      throw GoogleErrors.invalidField(root + ".serviceAccounts", "",
          "At most one service account can be specified.");
    }
    for (int i = 0; i < accounts.size(); i++) {
      String email = GoogleJson.text(accounts.get(i), "email");
      if (email == null || !(email.equals("default") || email.contains("@"))) {
        throw GoogleErrors.invalidField(root + ".serviceAccounts[" + i + "].email", email,
            "Must be 'default' or a service account email address.");
      }
    }
  }
}
