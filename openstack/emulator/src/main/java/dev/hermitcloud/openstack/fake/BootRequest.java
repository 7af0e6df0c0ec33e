package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /servers} body, checked the way Nova checks it and resolved against the cloud:
 * image active and fitting the flavor, networks and security groups existing and unambiguous.
 * Build it with the state's monitor held.
 */
final class BootRequest {
  private static final long GIB = 1L << 30;
  private static final int MAX_USER_DATA = 65535;

  final String name;
  final FakeImage image;
  final FakeFlavor flavor;
  final Map<String, String> metadata;
  final String userData;
  final String keyName;
  final List<FakeSecurityGroup> securityGroups;
  final List<String> securityGroupNames;
  final List<Nic> nics;

  /** One network attachment; {@code fixedIp} null means the next free address. */
  record Nic(FakeNetwork network, String fixedIp) {}

  private BootRequest(
      String name,
      FakeImage image,
      FakeFlavor flavor,
      Map<String, String> metadata,
      String userData,
      String keyName,
      List<FakeSecurityGroup> securityGroups,
      List<String> securityGroupNames,
      List<Nic> nics) {
    this.name = name;
    this.image = image;
    this.flavor = flavor;
    this.metadata = metadata;
    this.userData = userData;
    this.keyName = keyName;
    this.securityGroups = securityGroups;
    this.securityGroupNames = securityGroupNames;
    this.nics = nics;
  }

  static BootRequest parse(
      JsonNode server, CloudState state, NovaFlavorApi flavors, Set<String> keypairs,
      String projectId) {
    String name = name(server);
    FakeImage image = image(server, state);
    FakeFlavor flavor = flavors.find(Fields.text(server, "flavorRef"));
    if (flavor == null) {
      throw OpenStackErrors.badRequest("Invalid flavorRef provided.");
    }
    checkFit(image, flavor);
    String keyName = Fields.text(server, "key_name");
    if (keyName != null && !keypairs.contains(keyName)) {
      throw OpenStackErrors.badRequest("Invalid key_name provided.");
    }
    List<String> groupNames = new ArrayList<>();
    List<FakeSecurityGroup> groups = securityGroups(server, state, projectId, groupNames);
    return new BootRequest(name, image, flavor, metadata(server), userData(server), keyName,
        groups, groupNames, nics(server.get("networks"), state));
  }

  private static String name(JsonNode server) {
    String name = Fields.text(server, "name");
    if (name == null) {
      throw OpenStackErrors.badRequest(
          "Invalid input for field/attribute server. 'name' is a required property");
    }
    if (name.isEmpty() || name.length() > 255 || !name.strip().equals(name)) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute name. Value: " + name
          + ". '" + name + "' is not a valid server name");
    }
    return name;
  }

  private static FakeImage image(JsonNode server, CloudState state) {
    String ref = Fields.text(server, "imageRef");
    if (ref == null || ref.isEmpty()) {
      ref = bootImageFromMappings(server.get("block_device_mapping_v2"));
    }
    if (ref == null) {
      throw OpenStackErrors.badRequest("Missing imageRef attribute");
    }
    FakeImage image = state.images.get(ref.substring(ref.lastIndexOf('/') + 1));
    if (image == null) {
      throw OpenStackErrors.badRequest("Can not find requested image");
    }
    if (!image.status.equals("active")) {
      throw OpenStackErrors.badRequest("Image " + image.id + " is not active.");
    }
    return image;
  }

  private static String bootImageFromMappings(JsonNode mappings) {
    if (mappings == null || !mappings.isArray()) {
      return null;
    }
    for (JsonNode m : mappings) {
      if ("image".equals(m.path("source_type").asText()) && m.path("boot_index").asInt(-1) == 0) {
        return m.path("uuid").asText(null);
      }
    }
    return null;
  }

  private static void checkFit(FakeImage image, FakeFlavor flavor) {
    long flavorBytes = flavor.diskGiB() * GIB;
    if (flavor.diskGiB() > 0) {
      long imageBytes = Math.max(image.size == null ? 0 : image.size,
          image.virtualSize == null ? 0 : image.virtualSize);
      if (imageBytes > flavorBytes) {
        throw OpenStackErrors.badRequest("Flavor's disk is too small for requested image. Flavor "
            + "disk is " + flavorBytes + " bytes, image is " + imageBytes + " bytes.");
      }
      if (image.minDisk * GIB > flavorBytes) {
        throw OpenStackErrors.badRequest("Flavor's disk is smaller than the minimum size specified "
            + "in image metadata. Flavor disk is " + flavorBytes + " bytes, minimum size is "
            + image.minDisk * GIB + " bytes.");
      }
    }
    if (image.minRam > flavor.ramMiB()) {
      throw OpenStackErrors.badRequest("Flavor's memory is too small for requested image.");
    }
  }

  private static Map<String, String> metadata(JsonNode server) {
    JsonNode node = server.get("metadata");
    Map<String, String> metadata = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return metadata;
    }
    if (!node.isObject()) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute metadata. Value: " + node
          + ". " + node + " is not of type 'object'");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.isEmpty() || key.length() > 255 || !value.isTextual()
          || value.asText().length() > 255) {
        throw OpenStackErrors.badRequest("Invalid input for field/attribute metadata. Value: "
            + node + ". Metadata keys and values must be strings of 1 to 255 characters");
      }
      metadata.put(key, value.asText());
    }
    if (metadata.size() > 128) {
      throw OpenStackErrors.forbidden("Quota exceeded for metadata_items: Requested "
          + metadata.size() + ", but already used 0 of 128 metadata_items");
    }
    return metadata;
  }

  private static String userData(JsonNode server) {
    String data = Fields.text(server, "user_data");
    if (data == null) {
      return null;
    }
    if (data.length() > MAX_USER_DATA) {
      throw OpenStackErrors.badRequest("User data too large. User data must be no larger than "
          + MAX_USER_DATA + " bytes once base64 encoded. Your data is " + data.length()
          + " bytes");
    }
    try {
      Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw OpenStackErrors.badRequest("User data needs to be valid base 64.");
    }
    return data;
  }

  private static List<FakeSecurityGroup> securityGroups(
      JsonNode server, CloudState state, String projectId, List<String> namesOut) {
    JsonNode node = server.get("security_groups");
    List<String> refs = new ArrayList<>();
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      refs.add("default");
    } else if (node.isArray()) {
      for (JsonNode g : node) {
        String ref = g.path("name").asText(null);
        if (ref == null) {
          throw OpenStackErrors.badRequest("Invalid input for field/attribute security_groups.");
        }
        if (!refs.contains(ref)) {
          refs.add(ref);
        }
      }
    } else {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute security_groups.");
    }
    List<FakeSecurityGroup> groups = new ArrayList<>();
    for (String ref : refs) {
      List<FakeSecurityGroup> byName = state.securityGroups.values().stream()
          .filter(g -> g.name.equals(ref)).toList();
      if (byName.size() > 1) {
        throw OpenStackErrors.conflict("Multiple security groups found matching '" + ref
            + "'. Use an ID to be more specific.");
      }
      FakeSecurityGroup group =
          byName.isEmpty() ? state.securityGroups.get(ref) : byName.get(0);
      if (group == null) {
        throw OpenStackErrors.badRequest(
            "Security group " + ref + " not found for project " + projectId + ".");
      }
      groups.add(group);
      namesOut.add(ref);
    }
    return groups;
  }

  private static List<Nic> nics(JsonNode node, CloudState state) {
    List<Nic> nics = new ArrayList<>();
    if (node != null && node.isTextual()) {
      switch (node.asText()) {
        case "none" -> {
          return nics;
        }
        case "auto" -> {
          nics.add(new Nic(onlyTenantNetwork(state), null));
          return nics;
        }
        default -> throw OpenStackErrors.badRequest("Invalid input for field/attribute networks. "
            + "Value: " + node.asText() + ". It must be 'auto', 'none' or a list");
      }
    }
    if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
      if (state.tenantNetworks().isEmpty()) {
        return nics;
      }
      nics.add(new Nic(onlyTenantNetwork(state), null));
      return nics;
    }
    if (!node.isArray()) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute networks.");
    }
    for (JsonNode n : node) {
      if (n.hasNonNull("port")) {
        throw OpenStackErrors.badRequest("The fake cannot boot on a pre-made port; use a network.");
      }
      String uuid = n.path("uuid").asText(null);
      FakeNetwork network = uuid == null ? null : state.networks.get(uuid);
      if (network == null) {
        throw OpenStackErrors.badRequest("Network " + uuid + " could not be found.");
      }
      if (network.external) {
        throw OpenStackErrors.forbidden(
            "It is not allowed to create an interface on external network " + uuid);
      }
      String fixedIp = n.path("fixed_ip").asText(null);
      if (fixedIp != null && !network.cidr.contains(fixedIp)) {
        throw OpenStackErrors.badRequest("Invalid fixed IP address (" + fixedIp + ")");
      }
      nics.add(new Nic(network, fixedIp));
    }
    return nics;
  }

  private static FakeNetwork onlyTenantNetwork(CloudState state) {
    List<FakeNetwork> candidates = List.copyOf(state.tenantNetworks());
    if (candidates.size() > 1) {
      throw OpenStackErrors.conflict(
          "Multiple possible networks found, use a Network ID to be more specific.");
    }
    if (candidates.isEmpty()) {
      throw OpenStackErrors.badRequest("Unable to automatically allocate a network for project");
    }
    return candidates.get(0);
  }
}
