package dev.hermitcloud.examples.bench;

import java.util.Map;
import java.util.TreeMap;

/** A fake's request counts by route, summed by kind of request and printed one kind a line. */
final class RequestKinds {
  private RequestKinds() {}

  /** Prints the total, the mutating count, then each kind. */
  static void print(String title, Map<String, Long> byRoute, long mutating) {
    Map<String, Long> byKind = byKind(byRoute);
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("%s: %d (%d mutating)%n", title, total, mutating);
    byKind.forEach((kind, n) -> System.out.printf("    %-40s %4d%n", kind, n));
  }

  static Map<String, Long> byKind(Map<String, Long> byRoute) {
    Map<String, Long> byKind = new TreeMap<>();
    byRoute.forEach((route, n) -> byKind.merge(kind(route), n, Long::sum));
    return byKind;
  }

  /**
   * {@code "GET /compute/v1/projects/{project}/zones/{zone}/operations/{operation}"} ->
   * {@code "GET zones/operations"}; OpenStack routes keep their service prefix.
   */
  private static String kind(String route) {
    String[] parts = route.split(" ", 2);
    if (parts.length < 2) {
      return route;
    }
    String path = parts[1].replaceAll("/compute/v1/projects/\\{project}/", "").replaceAll("\\{[^}]+}", "*");
    return parts[0] + " " + path;
  }
}
