package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the standard Google v1 error body:
 * {@code {"error":{"code":N,"message":M,"errors":[{"message":M,"domain":"global","reason":R}]}}}.
 */
final class ErrorJson {
  private ErrorJson() {}

  static Reply reply(int status, String reason, String message) {
    ObjectNode root = GoogleJson.object();
    ObjectNode error = root.putObject("error");
    error.put("code", status);
    error.put("message", message);
    ObjectNode item = error.putArray("errors").addObject();
    item.put("message", message);
    item.put("domain", "global");
    item.put("reason", reason);
    return Reply.json(status, root);
  }

  static Reply reply(GoogleApiError e) {
    return reply(e.status(), e.reason(), e.getMessage());
  }
}
