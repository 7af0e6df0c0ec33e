package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One request as handlers see it: effective method (after {@code X-HTTP-Method-Override}), path
 * variables, query, headers and the body, already inflated when sent with {@code Content-Encoding:
 * gzip}. Also carries what an injected fault asks of the operation this request may start.
 */
final class FakeRequest {
  private final String method;
  private final Map<String, String> vars;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private byte[] body;
  private OperationError injectedOperationError;
  private Duration operationDuration;

  FakeRequest(String method, Map<String, String> vars, String rawQuery, Headers headers, byte[] body) {
    this.method = method;
    this.vars = vars;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
  }

  /** Reads the body, inflating gzip as GCS clients send it. */
  static byte[] readBody(InputStream in, Headers headers) throws IOException {
    byte[] raw = in.readAllBytes();
    String encoding = headers.getFirst("Content-Encoding");
    if (encoding != null && encoding.trim().equalsIgnoreCase("gzip") && raw.length > 0) {
      try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return gz.readAllBytes();
      } catch (IOException e) {
        throw GoogleApiError.invalid("The request body is not valid gzip: " + e.getMessage());
      }
    }
    return raw;
  }

  String method() {
    return method;
  }

  String var(String name) {
    return vars.get(name);
  }

  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  Long queryLong(String name) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw GoogleApiError.invalidField(name, v, "Must be an integer.");
    }
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  byte[] body() {
    return body;
  }

  /** Keeps only the first bytes of the body, as if the connection died while it was arriving. */
  void truncateBody(double fraction) {
    int keep = (int) Math.max(0, Math.min(body.length, Math.floor(body.length * fraction)));
    byte[] cut = new byte[keep];
    System.arraycopy(body, 0, cut, 0, keep);
    body = cut;
  }

  /** The body as a JSON object; an empty body is an empty object. */
  ObjectNode json() {
    if (body.length == 0) {
      return GoogleJson.object();
    }
    try {
      JsonNode node = GoogleJson.parse(body);
      if (!(node instanceof ObjectNode object)) {
        throw GoogleApiError.invalid("Invalid JSON payload received. Expected an object.");
      }
      return object;
    } catch (IOException e) {
      throw GoogleApiError.invalid("Invalid JSON payload received. " + e.getMessage());
    }
  }

  /** Base URL the client used to reach us, for absolute links such as an upload Location. */
  String baseUrl() {
    String host = header("Host");
    return "http://" + (host == null ? "127.0.0.1" : host);
  }

  OperationError injectedOperationError() {
    return injectedOperationError;
  }

  void injectOperationError(OperationError error) {
    this.injectedOperationError = error;
  }

  Duration operationDuration() {
    return operationDuration;
  }

  void overrideOperationDuration(Duration duration) {
    this.operationDuration = duration;
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.computeIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), x -> new ArrayList<>())
          .add(URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
