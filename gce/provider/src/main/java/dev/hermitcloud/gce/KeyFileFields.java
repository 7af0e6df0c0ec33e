package dev.hermitcloud.gce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Why a service-account key file was refused, in words that name fields and never quote values: the
 * auth library only says it expected four fields, not which one is missing.
 */
final class KeyFileFields {
  /** What google-auth's ServiceAccountCredentials reads from a key file, all required. */
  static final List<String> REQUIRED = List.of("client_id", "client_email", "private_key", "private_key_id");

  private KeyFileFields() {}

  /** The reason {@code keyFile} is not a usable key, or empty when its fields look complete. */
  static String problem(Path keyFile) {
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(keyFile.toFile());
    } catch (IOException e) {
      return "is not JSON";
    }
    if (json == null || !json.isObject()) {
      return "is not a JSON object";
    }
    if (!"service_account".equals(json.path("type").asText())) {
      return "is not a service-account key (its \"type\" is not \"service_account\")";
    }
    List<String> missing = REQUIRED.stream().filter(f -> json.path(f).asText("").isBlank()).toList();
    return missing.isEmpty() ? "" : "has no " + String.join(", ", missing.stream().map(f -> "\"" + f + "\"").toList())
        + " field" + (missing.size() == 1 ? "" : "s");
  }
}
