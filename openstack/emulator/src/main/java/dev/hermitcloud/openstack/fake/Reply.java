package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and body, written out later by the dispatcher. */
final class Reply {
  final int status;
  final String contentType;
  final byte[] body;
  final Map<String, String> headers = new LinkedHashMap<>();

  private Reply(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
  }

  static Reply json(int status, JsonNode body) {
    return new Reply(status, "application/json", Json.bytes(body));
  }

  static Reply text(int status, String body) {
    return new Reply(status, "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply empty(int status) {
    return new Reply(status, null, new byte[0]);
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
