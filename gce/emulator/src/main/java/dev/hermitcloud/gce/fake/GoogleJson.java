package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON conventions shared by Google's v1 REST APIs: int64 as strings, RFC 3339 times. */
final class GoogleJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Compute prints times in the region's offset; a fixed -08:00 keeps the real shape. */
  private static final DateTimeFormatter COMPUTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.ofHours(-8));

  private static final DateTimeFormatter STORAGE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private GoogleJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String computeTime(Instant t) {
    return COMPUTE_TIME.format(t);
  }

  static String storageTime(Instant t) {
    return STORAGE_TIME.format(t);
  }

  /** Writes an int64 the way the APIs do: as a JSON string. */
  static void putInt64(ObjectNode node, String field, long value) {
    node.put(field, Long.toString(value));
  }

  /** Reads an int64 sent either as a JSON string or number; {@code null} when absent. */
  static Long int64(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    try {
      return Long.parseLong(v.asText().trim());
    } catch (NumberFormatException e) {
      throw GoogleApiError.invalidField(field, v.asText(), "Must be an integer.");
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  static Map<String, String> stringMap(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
