package dev.hermitcloud.gce.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a method and a raw (still percent-encoded) path against path templates. A {@code {var}}
 * matches exactly one segment, decoded afterwards, so an object name sent as {@code a%2Fb} stays one
 * variable.
 */
final class Router {
  /** Handles one matched request. */
  interface Handler {
    Reply handle(FakeRequest request) throws Exception;
  }

  record Route(String method, String template, boolean mutating, Handler handler, String[] parts) {
    String key() {
      return method + " " + template;
    }
  }

  record Match(Route route, Map<String, String> vars) {}

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, boolean mutating, Handler handler) {
    routes.add(new Route(method, template, mutating, handler, template.split("/", -1)));
  }

  Match find(String method, String rawPath) {
    String[] segments = rawPath.split("/", -1);
    for (Route route : routes) {
      if (!route.method().equals(method) || route.parts().length != segments.length) {
        continue;
      }
      Map<String, String> vars = match(route.parts(), segments);
      if (vars != null) {
        return new Match(route, vars);
      }
    }
    return null;
  }

  private static Map<String, String> match(String[] parts, String[] segments) {
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

  /** Percent-decodes a path segment; unlike a query, '+' in a path is a literal plus. */
  static String decodeSegment(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
