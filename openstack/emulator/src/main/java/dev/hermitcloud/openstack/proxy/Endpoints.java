package dev.hermitcloud.openstack.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud's endpoints as the proxy learns them from the catalogs Keystone hands out: which upstream
 * origin each proxy listener stands for, and which service an upstream path belongs to. Answers are
 * rewritten so that every upstream origin they mention becomes its listener's, so a client given a
 * catalog, a {@code Location} or a pagination link through the proxy stays behind it.
 */
final class Endpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Endpoint(String origin, String path, String service) {}

  /** An upstream origin's pattern in text (not a longer port: :5000 is not :50000), and its listener's origin. */
  private record Rewrite(Pattern upstream, String replacement) {
    static Rewrite of(String upstreamOrigin, String proxyOrigin) {
      return new Rewrite(Pattern.compile(Pattern.quote(upstreamOrigin) + "(?![0-9])"), Matcher.quoteReplacement(proxyOrigin));
    }
  }

  private final Map<String, String> proxyOrigins = new ConcurrentHashMap<>();
  /** One per listener, compiled once: every answer's body and headers go through {@link #rewrite}. */
  private final List<Rewrite> rewrites = new CopyOnWriteArrayList<>();
  private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
  private final Function<String, String> listen;

  /** {@code listen} starts a listener for an upstream origin and answers the listener's origin. */
  Endpoints(Function<String, String> listen) {
    this.listen = listen;
  }

  /** The proxy's origin for an upstream origin ({@code http://host:port}), a listener started the first time. */
  String proxyOrigin(String upstreamOrigin) {
    return proxyOrigins.computeIfAbsent(upstreamOrigin, origin -> {
      String listener = listen.apply(origin);
      rewrites.add(Rewrite.of(origin, listener));
      return listener;
    });
  }

  /** Records a service endpoint, e.g. {@code ("identity", "http://127.0.0.1:5000/v3")}, and listens for its origin. */
  void learn(String service, String url) {
    URI uri = URI.create(url);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      return; // the proxy never sends a packet off loopback: such an endpoint is left as the catalog gives it
    }
    String origin = origin(uri);
    String path = trimSlash(uri.getRawPath() == null ? "" : uri.getRawPath());
    Endpoint endpoint = new Endpoint(origin, path, service);
    if (!endpoints.contains(endpoint)) {
      endpoints.add(endpoint);
    }
    proxyOrigin(origin);
  }

  /** The service and the path after its endpoint, for a request that reached an upstream origin. */
  RequestKind kind(String upstreamOrigin, String method, String rawPath, byte[] body) {
    Endpoint best = endpoints.stream().filter(e -> e.origin().equals(upstreamOrigin))
        .filter(e -> rawPath.equals(e.path()) || rawPath.startsWith(e.path() + "/"))
        .max(Comparator.comparingInt(e -> e.path().length())).orElse(null);
    return best == null ? RequestKind.of("unknown", method, rawPath, body)
        : RequestKind.of(best.service(), method, rawPath.substring(best.path().length()), body);
  }

  /** Learns the endpoints of any catalog in a Keystone answer ({@code token.catalog} or {@code catalog}). */
  void learnFrom(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return;
    }
    if (root == null) {
      return;
    }
    JsonNode catalog = root.path("token").has("catalog") ? root.path("token").path("catalog") : root.path("catalog");
    for (JsonNode service : catalog) {
      for (JsonNode endpoint : service.path("endpoints")) {
        String url = endpoint.path("url").asText("");
        if (url.startsWith("http://") || url.startsWith("https://")) {
          learn(service.path("type").asText("unknown"), url);
        }
      }
    }
  }

  /** Text with every known upstream origin replaced by its listener's. */
  String rewrite(String text) {
    String out = text;
    for (Rewrite r : rewrites) {
      out = r.upstream().matcher(out).replaceAll(r.replacement());
    }
    return out;
  }

  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String trimSlash(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
