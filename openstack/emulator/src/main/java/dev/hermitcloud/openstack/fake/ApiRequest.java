package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** One incoming API call as the handlers see it: path parameters, query, body, caller's token. */
final class ApiRequest {
  final HttpExchange exchange;
  final String method;
  final String path;
  final Map<String, String> pathParams;
  final Map<String, List<String>> query;
  private byte[] body;
  private JsonNode json;
  /** The caller's valid token; null only on the token-issuing route. */
  TokenStore.IssuedToken token;

  ApiRequest(HttpExchange exchange, String path, Map<String, String> pathParams) {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod().toUpperCase();
    this.path = path;
    this.pathParams = pathParams;
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
  }

  String param(String name) {
    return pathParams.get(name);
  }

  /** The first value of a query parameter, or null. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The request body, read once; a read failure means the client went away mid-request. */
  byte[] body() {
    if (body == null) {
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return body;
  }

  /** The body as a stream, for uploads too large to hold; only valid if {@link #body()} was not used. */
  InputStream bodyStream() {
    return exchange.getRequestBody();
  }

  JsonNode json() {
    if (json == null) {
      json = Json.parse(body());
    }
    return json;
  }

  /** The JSON object under a required wrapper key, e.g. {@code server} in {@code {"server":{...}}}. */
  JsonNode wrapped(String key) {
    JsonNode inner = json().get(key);
    if (inner == null || !inner.isObject()) {
      throw ApiException.badRequest(
          "Invalid input for field/attribute " + key + ". '" + key + "' is a required property");
    }
    return inner;
  }

  /** Scheme, host and port as the client addressed us, for links and catalog URLs. */
  String baseUrl() {
    String host = header("Host");
    if (host == null) {
      host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
    }
    return "http://" + host;
  }

  String projectId() {
    return token.projectId();
  }

  private static Map<String, List<String>> parseQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
