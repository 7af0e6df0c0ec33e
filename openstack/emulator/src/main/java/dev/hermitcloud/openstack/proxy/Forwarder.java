package dev.hermitcloud.openstack.proxy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One listener's handler: passes each request on to its upstream origin unchanged (a Glance upload
 * streamed, anything else read first so that a Nova action can be named), and the answer back with
 * upstream origins rewritten to the proxy's. The {@link RecordingProxy} counts each request and may
 * refuse a mutating one instead, with a 403 in OpenStack's shape that never reaches the cloud.
 */
final class Forwarder implements HttpHandler {
  /** What the JDK client frames itself, or refuses to be given; and hop-by-hop headers. */
  private static final Set<String> NOT_PASSED = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "date");
  /** A 1 GiB RAW upload on a loaded machine; a wait, not a limit on what the cloud may take. */
  private static final Duration UPSTREAM = Duration.ofMinutes(15);

  private final String upstream;
  private final RecordingProxy proxy;
  private final HttpClient http;

  Forwarder(String upstreamOrigin, RecordingProxy proxy, HttpClient http) {
    this.upstream = upstreamOrigin;
    this.proxy = proxy;
    this.http = http;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      boolean streamed = method.equals("PUT") && rawPath.endsWith("/file");
      byte[] body = streamed ? null : exchange.getRequestBody().readAllBytes();
      RequestKind kind = proxy.endpoints().kind(upstream, method, rawPath, body);
      if (!proxy.admit(kind)) {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        answer(exchange, 403, Map.of("Content-Type", List.of("application/json")), ("{\"forbidden\": {\"code\": 403,"
            + " \"message\": \"refused by the recording proxy: " + kind + "\"}}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      Counting counted = streamed ? new Counting(exchange.getRequestBody()) : null;
      HttpRequest.BodyPublisher publisher = streamed ? streamedBody(exchange, counted)
          : body.length == 0 && (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE"))
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + rawPath + (query == null ? "" : "?" + query)))
          .timeout(UPSTREAM).method(method, publisher);
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        response = null;
      }
      proxy.sent(kind, streamed ? counted.count.get() : body.length);
      if (response == null) {
        // the cloud's answer never came: what a client sees of a lost answer from a real gateway
        answer(exchange, 502, Map.of("Content-Type", List.of("application/json")), ("{\"badGateway\": {\"code\": 502,"
            + " \"message\": \"the recording proxy got no answer from " + upstream + "\"}}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] answer = response.body();
      String type = response.headers().firstValue("content-type").orElse("");
      if (type.contains("json") || type.startsWith("text/")) {
        if (kind.service().equals("identity")) {
          proxy.endpoints().learnFrom(answer);
        }
        answer = proxy.endpoints().rewrite(new String(answer, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      answer(exchange, response.statusCode(), response.headers().map(), method.equals("HEAD") ? new byte[0] : answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpRequest.BodyPublisher streamedBody(HttpExchange exchange, Counting counted) {
    HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> counted);
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    return length == null ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, Long.parseLong(length.trim()));
  }

  private void answer(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
    Headers out = exchange.getResponseHeaders();
    headers.forEach((name, values) -> {
      if (!NOT_PASSED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        values.forEach(value -> out.add(name, proxy.endpoints().rewrite(value)));
      }
    });
    boolean noBody = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }

  /** Counts the bytes of a streamed upload as the cloud is sent them. */
  private static final class Counting extends FilterInputStream {
    final AtomicLong count = new AtomicLong();

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
