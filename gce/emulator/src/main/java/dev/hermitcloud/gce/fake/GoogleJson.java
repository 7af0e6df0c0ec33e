package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON conventions shared by Google's v1 REST APIs: int64 as strings, RFC 3339 times. */
final class GoogleJson {
  /** Compute prints times in the region's offset; a fixed -08:00 keeps the real shape. */
  private static final ZoneOffset COMPUTE_ZONE = ZoneOffset.ofHours(-8);

  private GoogleJson() {}

  /** The request body as a JSON object ({@link GoogleDialect} refuses anything else). */
  static ObjectNode body(Request request) {
    return (ObjectNode) request.json();
  }

  /** An int64 query parameter; {@code null} when absent or empty. */
  static Long queryInt64(Request request, String name) {
    String v = request.query(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw GoogleErrors.invalidField(name, v, "Must be an integer.");
    }
  }

  static String computeTime(Instant t) {
    return Timestamps.millis(t, COMPUTE_ZONE);
  }

  static String storageTime(Instant t) {
    return Timestamps.millis(t, ZoneOffset.UTC);
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
      throw GoogleErrors.invalidField(field, v.asText(), "Must be an integer.");
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
