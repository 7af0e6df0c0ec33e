package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Fingerprints of labels, tags and metadata: 8 bytes of a hash, base64, like GCE's. */
final class Fingerprints {
  /** The fingerprint GCE shows for an empty set of labels. */
  static final String EMPTY = "42WmSpB8rSM=";

  private Fingerprints() {}

  static String of(JsonNode node) {
    if (node == null || node.isNull() || node.isEmpty()) {
      return EMPTY;
    }
    String canonical = node.isObject() ? sorted(node).toString() : node.toString();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes());
      return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> sorted(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().toString()));
    return out;
  }
}
