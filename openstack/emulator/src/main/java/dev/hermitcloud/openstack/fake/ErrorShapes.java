package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.json.Json;
import java.util.Map;

/**
 * Renders an error the way each real service does: Nova's {@code {"itemNotFound":{...}}},
 * Neutron's {@code {"NeutronError":{...}}}, Glance's plain text, Keystone's {@code {"error":{...}}}.
 * A 401 always comes from the auth middleware, so it is Keystone-shaped whichever service answers.
 */
final class ErrorShapes {
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Request Entity Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(503, "Service Unavailable"));

  private static final Map<Integer, String> NOVA_KEYS =
      Map.ofEntries(
          Map.entry(400, "badRequest"),
          Map.entry(403, "forbidden"),
          Map.entry(404, "itemNotFound"),
          Map.entry(405, "badMethod"),
          Map.entry(409, "conflictingRequest"),
          Map.entry(413, "overLimit"),
          Map.entry(415, "badMediaType"),
          Map.entry(429, "overLimit"),
          Map.entry(501, "notImplemented"),
          Map.entry(503, "serviceUnavailable"));

  private ErrorShapes() {}

  static String reason(int status) {
    return REASONS.getOrDefault(status, "Error");
  }

  /** The error as {@code service} answers it; the server adds {@code Retry-After}. */
  static Reply render(Service service, ApiError e) {
    Reply reply =
        e.status() == 401 ? keystone(e) : switch (service) {
          case NOVA -> nova(e);
          case NEUTRON -> neutron(e);
          case GLANCE -> glance(e);
          case KEYSTONE, ADMIN -> keystone(e);
        };
    if (e.status() == 401) {
      reply.header("WWW-Authenticate", "Keystone uri=\"/v3\"");
    }
    return reply;
  }

  private static Reply keystone(ApiError e) {
    ObjectNode body = Json.object();
    body.putObject("error")
        .put("code", e.status())
        .put("title", reason(e.status()))
        .put("message", e.getMessage());
    return Reply.json(e.status(), body);
  }

  private static Reply nova(ApiError e) {
    ObjectNode body = Json.object();
    ObjectNode inner =
        body.putObject(NOVA_KEYS.getOrDefault(e.status(), "computeFault"))
            .put("code", e.status())
            .put("message", e.getMessage());
    if (e.retryAfterSeconds() != null) {
      inner.put("retryAfter", Integer.toString(e.retryAfterSeconds()));
    }
    return Reply.json(e.status(), body);
  }

  private static Reply neutron(ApiError e) {
    String type =
        e.code() != null ? e.code() : "HTTP" + reason(e.status()).replace(" ", "");
    ObjectNode body = Json.object();
    body.putObject("NeutronError")
        .put("type", type)
        .put("message", e.getMessage())
        .put("detail", "");
    return Reply.json(e.status(), body);
  }

  private static Reply glance(ApiError e) {
    return Reply.text(
        e.status(), e.status() + " " + reason(e.status()) + "\n\n" + e.getMessage() + "\n\n   ");
  }
}
