package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The fake's single JSON mapper and the few node constructors every API uses. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses a request body; malformed JSON is the client's fault, so it becomes a 400. */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiException.badRequest("Malformed request body: empty body");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("Malformed request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text field or null, rejecting any other JSON type the way the services' schemas do. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest(
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
    throw ApiException.badRequest(
        "Invalid input for field/attribute " + field + ". Value: " + node + ". "
            + node + " is not of type 'integer'");
  }
}
