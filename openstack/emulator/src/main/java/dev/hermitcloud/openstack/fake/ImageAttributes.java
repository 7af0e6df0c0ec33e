package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Glance v2 client may set on an image, and how Glance checks it: enumerated formats,
 * read-only attributes (403), extra properties that must be strings. Shared by create and PATCH.
 */
final class ImageAttributes {
  static final Set<String> CONTAINER_FORMATS =
      Set.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");
  static final Set<String> DISK_FORMATS =
      Set.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop");
  static final Set<String> VISIBILITIES = Set.of("public", "private", "shared", "community");
  static final Set<String> READ_ONLY =
      Set.of(
          "status", "size", "virtual_size", "checksum", "os_hash_algo", "os_hash_value",
          "created_at", "updated_at", "self", "file", "schema", "owner", "direct_url",
          "locations", "stores");

  private ImageAttributes() {}

  /** Sets one attribute or extra property, as a create body field or a patch add/replace. */
  static void set(FakeImage image, String key, JsonNode value) {
    if (READ_ONLY.contains(key) || key.equals("id")) {
      throw OpenStackErrors.forbidden("Attribute '" + key + "' is read-only.");
    }
    switch (key) {
      case "name" -> image.name = nullableString(key, value, 255);
      case "container_format" -> image.containerFormat = oneOf(key, value, CONTAINER_FORMATS);
      case "disk_format" -> image.diskFormat = oneOf(key, value, DISK_FORMATS);
      case "visibility" -> {
        String v = oneOf(key, value, VISIBILITIES);
        if (v == null) {
          throw schema(value + " is not one of " + VISIBILITIES);
        }
        if (v.equals("public")) {
          throw OpenStackErrors.forbidden("You are not authorized to complete publicize_image action.");
        }
        image.visibility = v;
      }
      case "min_disk" -> image.minDisk = nonNegative(key, value);
      case "min_ram" -> image.minRam = nonNegative(key, value);
      case "protected" -> image.isProtected = bool(value);
      case "os_hidden" -> image.hidden = bool(value);
      case "tags" -> image.tags = tags(value);
      default -> {
        if (key.isEmpty() || key.length() > 255) {
          throw schema("'" + key + "' is not a valid property name");
        }
        if (!value.isTextual()) {
          throw schema(value + " is not of type 'string'");
        }
        image.properties.put(key, value.asText());
      }
    }
  }

  /** Removes an extra property (patch remove); base attributes cannot be removed. */
  static void remove(FakeImage image, String key) {
    if (READ_ONLY.contains(key) || key.equals("id") || isBase(key)) {
      throw OpenStackErrors.forbidden("Attribute '" + key + "' is read-only.");
    }
    if (image.properties.remove(key) == null) {
      throw OpenStackErrors.conflict("Property " + key + " does not exist.");
    }
  }

  static boolean isBase(String key) {
    return Set.of("name", "container_format", "disk_format", "visibility", "min_disk", "min_ram",
            "protected", "os_hidden", "tags")
        .contains(key);
  }

  private static ApiError schema(String detail) {
    return OpenStackErrors.badRequest("Provided object does not match schema 'image': " + detail);
  }

  private static String nullableString(String key, JsonNode value, int max) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw schema(value + " is not of type 'string'");
    }
    if (value.asText().length() > max) {
      throw schema("'" + key + "' is too long");
    }
    return value.asText();
  }

  private static String oneOf(String key, JsonNode value, Set<String> allowed) {
    String v = nullableString(key, value, 255);
    if (v != null && !allowed.contains(v)) {
      throw schema("'" + v + "' is not one of " + allowed.stream().sorted().toList());
    }
    return v;
  }

  private static int nonNegative(String key, JsonNode value) {
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
      throw schema(value + " is not a non-negative 'integer' for '" + key + "'");
    }
    return value.asInt();
  }

  private static boolean bool(JsonNode value) {
    if (!value.isBoolean()) {
      throw schema(value + " is not of type 'boolean'");
    }
    return value.asBoolean();
  }

  private static List<String> tags(JsonNode value) {
    if (!value.isArray()) {
      throw schema(value + " is not of type 'array'");
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode t : value) {
      if (!t.isTextual() || t.asText().length() > 255) {
        throw schema(t + " is not a valid tag");
      }
      if (!tags.contains(t.asText())) {
        tags.add(t.asText());
      }
    }
    return tags;
  }
}
