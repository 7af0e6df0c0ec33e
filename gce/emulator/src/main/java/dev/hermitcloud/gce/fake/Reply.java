package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and body, written to the exchange by the dispatcher. */
final class Reply {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;

  private Reply(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  static Reply json(int status, JsonNode node) {
    return new Reply(status, GoogleJson.bytes(node))
        .header("Content-Type", "application/json; charset=UTF-8");
  }

  static Reply ok(JsonNode node) {
    return json(200, node);
  }

  static Reply empty(int status) {
    return new Reply(status, new byte[0]);
  }

  static Reply bytes(int status, String contentType, byte[] body) {
    return new Reply(status, body).header("Content-Type", contentType);
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body;
  }
}
