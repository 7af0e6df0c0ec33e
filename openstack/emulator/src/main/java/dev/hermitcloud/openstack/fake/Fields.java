package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed fields of a request body, refused the way the services' JSON schemas refuse them. */
final class Fields {
  private Fields() {}

  /** A text field or null, rejecting any other JSON type. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw OpenStackErrors.badRequest(
          "Invalid input for field/attribute " + field + ". Value: " + node + ". "
              + node + " is not of type 'string'");
    }
    return node.asText();
  }

  /** A whole number field or null, rejecting any other JSON type. */
  static Integer integer(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.asInt();
    }
    if (node.isTextual() && node.asText().matches("-?[0-9]{1,9}")) {
      return Integer.parseInt(node.asText());
    }
    throw OpenStackErrors.badRequest(
        "Invalid input for field/attribute " + field + ". Value: " + node + ". "
            + node + " is not of type 'integer'");
  }

  /** The JSON object under a required wrapper key, e.g. {@code server} in {@code {"server":{...}}}. */
  static JsonNode wrapped(JsonNode body, String key) {
    JsonNode inner = body.get(key);
    if (inner == null || !inner.isObject()) {
      throw OpenStackErrors.badRequest(
          "Invalid input for field/attribute " + key + ". '" + key + "' is a required property");
    }
    return inner;
  }
}
