package dev.hermitcloud.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Matches a method and a raw (still percent-encoded) path against path templates, first added
 * first. A {@code {var}} matches exactly one non-empty segment, decoded afterwards, so an object
 * name sent as {@code a%2Fb} stays one variable. A trailing slash is ignored, as the services do.
 */
public final class Router {
  /** A route found for a request, with the decoded values of its template variables. */
  public record Match(Route route, Map<String, String> vars) {}

  private record Entry(Route route, String[] parts) {}

  private final List<Entry> routes = new ArrayList<>();

  /** Adds a route that mutates unless its method is GET or HEAD. */
  public Router add(String method, String template, Handler handler) {
    boolean mutating = !method.equals("GET") && !method.equals("HEAD");
    return add(method, template, mutating, handler);
  }

  public Router add(String method, String template, boolean mutating, Handler handler) {
    return add(method, template, r -> mutating, handler);
  }

  /** Adds a route whose mutating-ness depends on the request (e.g. an action that only reads). */
  public Router add(String method, String template, Predicate<Request> mutating, Handler handler) {
    routes.add(new Entry(new Route(method, template, mutating, handler), segments(template)));
    return this;
  }

  public Optional<Match> find(String method, String rawPath) {
    String[] segments = segments(rawPath);
    for (Entry e : routes) {
      if (e.route().method().equals(method)) {
        Map<String, String> vars = bind(e.parts(), segments);
        if (vars != null) {
          return Optional.of(new Match(e.route(), vars));
        }
      }
    }
    return Optional.empty();
  }

  /** True if some route serves this path with any method (a 405 rather than a 404). */
  public boolean knows(String rawPath) {
    String[] segments = segments(rawPath);
    return routes.stream().anyMatch(e -> bind(e.parts(), segments) != null);
  }

  /** Percent-decodes a path segment; unlike in a query, '+' in a path is a literal plus. */
  public static String decodeSegment(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String[] segments(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.split("/", -1);
  }

  private static Map<String, String> bind(String[] parts, String[] segments) {
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        vars.put(part.substring(1, part.length() - 1), decodeSegment(segments[i]));
      } else if (!part.equals(segments[i])) {
        return null;
      }
    }
    return vars;
  }
}
