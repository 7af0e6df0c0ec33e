package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake has seen. Requests are counted on arrival (also those answered with an injected
 * fault) under {@code "METHOD template"}, e.g. {@code "POST
 * /compute/v1/projects/{project}/zones/{zone}/instances"}; requests that match no route are kept
 * apart under {@code "METHOD raw-path"}. Creations count how often each (kind, name) was really
 * created over the fake's whole life: kinds {@code image}, {@code instance}, {@code firewall},
 * {@code bucket}, {@code object} (named {@code bucket/object}).
 */
public final class FakeStats {
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> unknown = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> withRequestId = new ConcurrentHashMap<>();
  private final AtomicLong mutating = new AtomicLong();
  private final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();

  FakeStats() {}

  void request(String routeKey, boolean isMutating) {
    requests.computeIfAbsent(routeKey, k -> new AtomicLong()).incrementAndGet();
    if (isMutating) {
      mutating.incrementAndGet();
    }
  }

  void requestIdSeen(String routeKey) {
    withRequestId.computeIfAbsent(routeKey, k -> new AtomicLong()).incrementAndGet();
  }

  void unknownRequest(String method, String rawPath) {
    unknown.computeIfAbsent(method + " " + rawPath, k -> new AtomicLong()).incrementAndGet();
  }

  void created(String kind, String name) {
    creations.computeIfAbsent(kind + "/" + name, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Requests seen for one route, e.g. {@code requests("POST", RouteTemplates.INSTANCES)}. */
  public long requests(String method, String template) {
    AtomicLong n = requests.get(method + " " + template);
    return n == null ? 0 : n.get();
  }

  /** Requests for one route that carried a {@code requestId} query parameter. */
  public long requestsWithRequestId(String method, String template) {
    AtomicLong n = withRequestId.get(method + " " + template);
    return n == null ? 0 : n.get();
  }

  /** All request counts by {@code "METHOD template"}. */
  public Map<String, Long> requestsByRoute() {
    return snapshot(requests);
  }

  /** Requests no route matched (answered 404), by {@code "METHOD raw-path"}. */
  public Map<String, Long> unknownRequests() {
    return snapshot(unknown);
  }

  /** Mutating requests (inserts, deletes, patches, uploads) seen since the last reset. */
  public long mutatingRequests() {
    return mutating.get();
  }

  /** How many times {@code kind/name} was created over the fake's life (not reset). */
  public int creations(String kind, String name) {
    AtomicInteger n = creations.get(kind + "/" + name);
    return n == null ? 0 : n.get();
  }

  /** All creation counts by {@code "kind/name"}. */
  public Map<String, Integer> creations() {
    Map<String, Integer> out = new TreeMap<>();
    creations.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The {@code "kind/name"} keys created more than once. */
  public List<String> duplicateCreations() {
    List<String> out = new ArrayList<>();
    creations().forEach((k, v) -> {
      if (v > 1) {
        out.add(k);
      }
    });
    return out;
  }

  /** Zeroes the request counters; creations are life-long and stay. */
  public void reset() {
    requests.clear();
    unknown.clear();
    withRequestId.clear();
    mutating.set(0);
  }

  ObjectNode toJson(Map<String, Integer> resourcesByKind) {
    ObjectNode root = GoogleJson.object();
    ObjectNode byRoute = root.putObject("requests");
    requestsByRoute().forEach(byRoute::put);
    ObjectNode unknownNode = root.putObject("unknownRequests");
    unknownRequests().forEach(unknownNode::put);
    root.put("mutatingRequests", mutatingRequests());
    ObjectNode resources = root.putObject("resources");
    resourcesByKind.forEach(resources::put);
    ObjectNode created = root.putObject("creations");
    creations().forEach(created::put);
    duplicateCreations().forEach(root.putArray("duplicateCreations")::add);
    return root;
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
