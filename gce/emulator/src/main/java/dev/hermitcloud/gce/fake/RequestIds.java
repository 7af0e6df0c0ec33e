package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.Request;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code requestId} query parameter: a UUID (not all zeros). A repeated id in the same project
 * answers the original operation and does nothing else, which makes a retried insert safe. Use with
 * the compute store locked so check-then-act is atomic.
 */
final class RequestIds {
  private final Map<String, FakeOperation> seen = new HashMap<>();

  /** The validated id, or null when the request carries none. */
  static String parse(Request request) {
    String raw = request.query("requestId");
    if (raw == null) {
      return null;
    }
    try {
      UUID id = UUID.fromString(raw);
      if (raw.length() != 36 || (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0)) {
        throw new IllegalArgumentException();
      }
      return id.toString();
    } catch (IllegalArgumentException e) {
      throw GoogleErrors.invalidField("requestId", raw,
          "The requestId must be a valid UUID with the exception that zero UUID is not supported"
              + " (00000000-0000-0000-0000-000000000000).");
    }
  }

  synchronized FakeOperation find(String project, String requestId) {
    return requestId == null ? null : seen.get(project + "/" + requestId);
  }

  synchronized void remember(String project, String requestId, FakeOperation op) {
    if (requestId != null) {
      seen.put(project + "/" + requestId, op);
    }
  }

  synchronized void clear() {
    seen.clear();
  }
}
