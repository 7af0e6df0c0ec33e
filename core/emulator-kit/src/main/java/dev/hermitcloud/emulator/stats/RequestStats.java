package dev.hermitcloud.emulator.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an emulator has seen. Requests are counted on arrival (also those then refused or faulted)
 * under {@code "METHOD template"}, e.g. {@code "POST /compute/v2.1/servers"}; requests no route
 * serves are kept apart under {@code "METHOD raw-path"}. Tags count requests of a route that carry
 * something the cloud cares about (GCE: a {@code requestId}). Creations count how often each
 * (kind, name) was really created over the emulator's whole life, so a test can see a duplicate.
 * Thread-safe.
 */
public final class RequestStats {
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> unknown = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> tagged = new ConcurrentHashMap<>();
  private final AtomicLong mutating = new AtomicLong();
  private final Map<String, AtomicLong> creations = new ConcurrentHashMap<>();

  /** Counts a routed request. */
  public void request(String routeKey, boolean isMutating) {
    count(requests, routeKey);
    if (isMutating) {
      mutating.incrementAndGet();
    }
  }

  /** Counts a request no route serves. */
  public void unknownRequest(String method, String rawPath) {
    count(unknown, method + " " + rawPath);
  }

  /** Counts a routed request under a tag, e.g. {@code tag("requestId", "POST /…/instances")}. */
  public void tag(String tag, String routeKey) {
    count(tagged, tag + " " + routeKey);
  }

  /** Counts one real creation of {@code kind/name}. */
  public void created(String kind, String name) {
    count(creations, kind + "/" + name);
  }

  /** Requests seen for one route, e.g. {@code requests("POST", "/compute/v2.1/servers")}. */
  public long requests(String method, String template) {
    return requests(method + " " + template);
  }

  /** Requests seen under {@code "METHOD template"}. */
  public long requests(String routeKey) {
    return get(requests, routeKey);
  }

  /** Requests of one route that were tagged {@code tag}. */
  public long tagged(String tag, String method, String template) {
    return get(tagged, tag + " " + method + " " + template);
  }

  /** All request counts by {@code "METHOD template"}, sorted. */
  public Map<String, Long> requestsByRoute() {
    return snapshot(requests);
  }

  /** Requests no route served, by {@code "METHOD raw-path"}, sorted. */
  public Map<String, Long> unknownRequests() {
    return snapshot(unknown);
  }

  /** Requests that may change state (routes marked mutating) since the last reset. */
  public long mutatingRequests() {
    return mutating.get();
  }

  /** How many times {@code kind/name} was created over the emulator's life (never reset). */
  public int creations(String kind, String name) {
    return (int) get(creations, kind + "/" + name);
  }

  /** All creation counts by {@code "kind/name"}, sorted. */
  public Map<String, Integer> creations() {
    Map<String, Integer> out = new TreeMap<>();
    creations.forEach((k, v) -> out.put(k, (int) v.get()));
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
    tagged.clear();
    mutating.set(0);
  }

  /**
   * The counters as {@code GET /_fake/stats} shows them: {@code requests}, {@code
   * unknownRequests}, {@code mutatingRequests}, {@code creations}, {@code duplicateCreations}.
   */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    ObjectNode byRoute = root.putObject("requests");
    requestsByRoute().forEach(byRoute::put);
    ObjectNode unknownNode = root.putObject("unknownRequests");
    unknownRequests().forEach(unknownNode::put);
    root.put("mutatingRequests", mutatingRequests());
    ObjectNode created = root.putObject("creations");
    creations().forEach(created::put);
    duplicateCreations().forEach(root.putArray("duplicateCreations")::add);
    return root;
  }

  private static void count(Map<String, AtomicLong> counters, String key) {
    counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private static long get(Map<String, AtomicLong> counters, String key) {
    AtomicLong n = counters.get(key);
    return n == null ? 0 : n.get();
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
