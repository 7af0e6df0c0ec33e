package dev.hermitcloud.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers: status, content type, headers and body, written to the wire later by the
 * server (whole, or cut short by an injected fault). A JSON reply takes its content type from the
 * cloud's {@link CloudDialect#jsonContentType()}, as the clouds spell it differently.
 */
public final class Reply {
  private final int status;
  private final String contentType;
  private final boolean json;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Reply(int status, String contentType, boolean json, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.json = json;
    this.body = body;
  }

  public static Reply json(int status, JsonNode node) {
    return new Reply(status, null, true, Json.bytes(node));
  }

  public static Reply ok(JsonNode node) {
    return json(200, node);
  }

  public static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=UTF-8", false,
        text.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply bytes(int status, String contentType, byte[] body) {
    return new Reply(status, contentType, false, body);
  }

  public static Reply empty(int status) {
    return new Reply(status, null, false, new byte[0]);
  }

  /** Adds (or replaces) a header; returns this reply. */
  public Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  /** The content type given, or null (none, or a JSON reply's dialect default). */
  public String contentType() {
    return contentType;
  }

  public boolean isJson() {
    return json;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }
}
