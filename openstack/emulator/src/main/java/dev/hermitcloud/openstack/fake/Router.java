package dev.hermitcloud.openstack.fake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Maps method and path to a {@link Route}, binding the template's {@code {name}} segments. */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** A route found for a request, with the values of its template variables. */
  record Match(Route route, Map<String, String> params) {}

  /** Adds a route whose mutating-ness follows from its method. */
  void add(String method, String template, Service service, Route.Handler handler) {
    boolean mutating = !method.equals("GET") && !method.equals("HEAD");
    add(method, template, service, handler, r -> mutating);
  }

  void add(
      String method,
      String template,
      Service service,
      Route.Handler handler,
      Predicate<ApiRequest> mutating) {
    routes.add(new Route(method, template, service, handler, mutating, false));
  }

  /** Adds a read-only route served without a token. */
  void addOpen(String method, String template, Service service, Route.Handler handler) {
    routes.add(new Route(method, template, service, handler, r -> false, true));
  }

  Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      if (route.method().equals(method)) {
        Map<String, String> params = bind(route.template(), path);
        if (params != null) {
          return Optional.of(new Match(route, params));
        }
      }
    }
    return Optional.empty();
  }

  /** True if some route serves this path with another method (a 405 rather than a 404). */
  boolean pathKnown(String path) {
    return routes.stream().anyMatch(r -> bind(r.template(), path) != null);
  }

  private static Map<String, String> bind(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    if (t.length != p.length) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < t.length; i++) {
      if (t[i].startsWith("{") && t[i].endsWith("}")) {
        if (p[i].isEmpty()) {
          return null;
        }
        params.put(t[i].substring(1, t[i].length() - 1), p[i]);
      } else if (!t[i].equals(p[i])) {
        return null;
      }
    }
    return params;
  }
}
