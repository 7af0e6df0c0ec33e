package dev.hermitcloud.emulator.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The emulators' one JSON mapper, and node constructors. Parsing errors stay the caller's to word. */
public final class Json {
  /** Shared and thread-safe once configured; never reconfigured. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses bytes as JSON; malformed input is an {@link IOException} the caller turns into its 400. */
  public static JsonNode parse(byte[] body) throws IOException {
    return MAPPER.readTree(body);
  }

  /** Parses text as JSON, for tests and tools reading an emulator's answers. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
