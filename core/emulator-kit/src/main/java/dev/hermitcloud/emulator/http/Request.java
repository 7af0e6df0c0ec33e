package dev.hermitcloud.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One request as handlers see it: the effective method (after {@code X-HTTP-Method-Override}), the
 * path's template variables, query, headers, and the body, read once when first asked for and
 * inflated when sent with {@code Content-Encoding: gzip}. Attachments carry what the dialect or an
 * injected fault adds for the handler (the caller's token, an effect a fault asks for).
 */
public final class Request {
  private final HttpExchange exchange;
  private final String method;
  private final String rawPath;
  private final Map<String, String> vars;
  private final Map<String, List<String>> query;
  private final CloudDialect dialect;
  private final Map<Class<?>, Object> attachments = new HashMap<>();
  private byte[] body;
  private JsonNode json;

  Request(HttpExchange exchange, String method, String rawPath, Map<String, String> vars,
      CloudDialect dialect) {
    this.exchange = exchange;
    this.method = method;
    this.rawPath = rawPath;
    this.vars = vars;
    this.query = QueryString.parse(exchange.getRequestURI().getRawQuery());
    this.dialect = dialect;
  }

  public String method() {
    return method;
  }

  /** The path as sent, still percent-encoded. */
  public String rawPath() {
    return rawPath;
  }

  /** The decoded path. */
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  /** The raw query string, or null. */
  public String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  /** A template variable, decoded, e.g. {@code var("instance")} for {@code .../{instance}}. */
  public String var(String name) {
    return vars.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a query parameter, in order (empty when absent). */
  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** Every query parameter; a read-only view. */
  public Map<String, List<String>> queryParameters() {
    return java.util.Collections.unmodifiableMap(query);
  }

  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /**
   * The body, read once and inflated if gzip'd. A broken gzip stream is the client's error (400);
   * a failed read means the client went away ({@link UncheckedIOException}, the connection closes).
   */
  public byte[] body() {
    if (body == null) {
      byte[] raw;
      try (InputStream in = exchange.getRequestBody()) {
        raw = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      body = gzipped() && raw.length > 0 ? inflate(raw) : raw;
    }
    return body;
  }

  /**
   * The body as a stream, for uploads too large to hold (inflated if gzip'd); only before {@link
   * #body()} was used.
   */
  public InputStream bodyStream() {
    if (body != null) {
      return new ByteArrayInputStream(body);
    }
    try {
      return gzipped() ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    } catch (IOException e) {
      throw ApiError.of(400, "invalid", "The request body is not valid gzip: " + e.getMessage());
    }
  }

  /** The body as JSON, parsed the way the cloud does (and refused with its messages). */
  public JsonNode json() {
    if (json == null) {
      json = dialect.parseJson(body());
    }
    return json;
  }

  /** Keeps only the first {@code fraction} of the body, as if the connection died mid-request. */
  public void truncateBody(double fraction) {
    byte[] whole = body();
    int keep = (int) Math.max(0, Math.min(whole.length, Math.floor(whole.length * fraction)));
    body = Arrays.copyOf(whole, keep);
    json = null;
  }

  /** Scheme, host and port as the client addressed us, for absolute links. */
  public String baseUrl() {
    String host = header("Host");
    if (host == null) {
      host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
    }
    return "http://" + host;
  }

  /** Attaches a value for the handler, one per type (a later one replaces it). */
  public <T> void attach(Class<T> type, T value) {
    attachments.put(type, value);
  }

  /** Attaches a fault's effect under its own class, for the handler to find. */
  void attachEffect(Object effect) {
    attachments.put(effect.getClass(), effect);
  }

  public <T> Optional<T> attachment(Class<T> type) {
    return Optional.ofNullable(type.cast(attachments.get(type)));
  }

  /** The exchange underneath, for the kit's writers. */
  HttpExchange exchange() {
    return exchange;
  }

  private boolean gzipped() {
    String encoding = header("Content-Encoding");
    return encoding != null && encoding.trim().equalsIgnoreCase("gzip");
  }

  private static byte[] inflate(byte[] raw) {
    try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return gz.readAllBytes();
    } catch (IOException e) {
      throw ApiError.of(400, "invalid", "The request body is not valid gzip: " + e.getMessage());
    }
  }
}
