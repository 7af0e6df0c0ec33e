package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** GCE's documented format rules for names, labels, network tags and metadata. */
final class FieldRules {
  static final String NAME_REGEX = "[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?";
  private static final Pattern NAME = Pattern.compile(NAME_REGEX);
  private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
  private static final Pattern METADATA_KEY = Pattern.compile("[a-zA-Z0-9_-]{1,128}");
  private static final int MAX_LABELS = 64;
  private static final int MAX_TAGS = 64;
  private static final int MAX_METADATA_VALUE = 256 * 1024;
  private static final int MAX_METADATA_TOTAL = 512 * 1024;
  private static final int MAX_DESCRIPTION = 2048;

  private FieldRules() {}

  /** A resource name (also image families and network tags). */
  static void name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw GoogleErrors.invalidField(field, value,
          "Must be a match of regex '(?:" + NAME_REGEX + ")'");
    }
  }

  static void description(String field, String value) {
    if (value != null && value.length() > MAX_DESCRIPTION) {
      throw GoogleErrors.invalidField(field, value.substring(0, 20) + "...",
          "Must be at most " + MAX_DESCRIPTION + " characters long.");
    }
  }

  static void labels(String field, JsonNode labels) {
    if (labels == null || labels.isNull()) {
      return;
    }
    if (!labels.isObject()) {
      throw GoogleErrors.invalidField(field, labels.toString(), "Labels must be a map.");
    }
    if (labels.size() > MAX_LABELS) {
      throw GoogleErrors.invalidField(field, "", "At most " + MAX_LABELS + " labels are allowed.");
    }
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) labels::fields) {
      if (!LABEL_KEY.matcher(e.getKey()).matches()) {
        throw GoogleErrors.invalidField(field, "", "Label key '" + e.getKey()
            + "' violates format constraints. The key must start with a lowercase character, can"
            + " only contain lowercase letters, numeric characters, underscores and dashes. The"
            + " key can be at most 63 characters long.");
      }
      if (!e.getValue().isTextual() || !LABEL_VALUE.matcher(e.getValue().asText()).matches()) {
        throw GoogleErrors.invalidField(field, "", "Label value '" + e.getValue().asText()
            + "' violates format constraints. The value can only contain lowercase letters,"
            + " numeric characters, underscores and dashes. The value can be at most 63"
            + " characters long.");
      }
    }
  }

  /** Network tags ({@code tags.items} of an instance, {@code targetTags} of a firewall). */
  static void tags(String field, JsonNode items) {
    if (items == null || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      throw GoogleErrors.invalidField(field, items.toString(), "Must be a list.");
    }
    if (items.size() > MAX_TAGS) {
      throw GoogleErrors.invalidField(field, "", "At most " + MAX_TAGS + " tags are allowed.");
    }
    for (int i = 0; i < items.size(); i++) {
      name(field + "[" + i + "]", items.get(i).asText());
    }
  }

  static void metadata(String field, JsonNode metadata) {
    if (metadata == null || metadata.isNull()) {
      return;
    }
    JsonNode items = metadata.get("items");
    if (items == null || items.isNull()) {
      return;
    }
    Set<String> keys = new HashSet<>();
    long total = 0;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String key = GoogleJson.text(item, "key");
      String value = GoogleJson.text(item, "value");
      String at = field + ".items[" + i + "]";
      if (key == null || !METADATA_KEY.matcher(key).matches()) {
        throw GoogleErrors.invalidField(at + ".key", key,
            "Must be a match of regex '[a-zA-Z0-9-_]{1,128}'");
      }
      if (!keys.add(key)) {
        throw GoogleErrors.invalidField(at + ".key", key, "Duplicate keys are not allowed.");
      }
      int size = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
      if (size > MAX_METADATA_VALUE) {
        throw GoogleErrors.invalidField(at + ".value", "",
            "Metadata values must be at most 256 KB.");
      }
      total += size + key.length();
    }
    if (total > MAX_METADATA_TOTAL) {
      throw GoogleErrors.invalidField(field, "", "Metadata must be at most 512 KB in total.");
    }
  }

  /** A boolean field that, when present, must be a JSON boolean. */
  static Boolean bool(JsonNode node, String field, String fieldPath) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw GoogleErrors.invalidField(fieldPath, v.asText(), "Must be a boolean.");
    }
    return v.asBoolean();
  }
}
