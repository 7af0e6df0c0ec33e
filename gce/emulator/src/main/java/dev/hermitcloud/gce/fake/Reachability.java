package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.app.Binding;
import dev.hermitcloud.emulator.net.Cidr;
import dev.hermitcloud.emulator.net.Loopback;
import dev.hermitcloud.emulator.net.PortRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which TCP ports of which RUNNING instance a client on 127.0.0.1 may reach through the
 * firewall: an enabled INGRESS rule whose source ranges hold 127.0.0.1 and whose targets (tags,
 * service accounts, or none = all) match the instance. Among the rules covering a port the lowest
 * priority number wins, deny winning a tie. Only explicitly listed ports count (ranges up to 100
 * ports): an app listens on chosen ports, not on all of them.
 */
final class Reachability {
  private static final int MAX_RANGE = 100;

  private Reachability() {}

  /** Open bindings, each with the instance behind it. */
  static Set<Binding> open(ComputeStore store) {
    Set<Binding> out = new TreeSet<>();
    synchronized (store) {
      List<StoredResource> rules = store.all(ComputeKind.FIREWALL);
      for (StoredResource instance : store.all(ComputeKind.INSTANCE)) {
        if (!"RUNNING".equals(instance.status()) || instance.natIp() == null) {
          continue;
        }
        List<JsonNode> applying = new ArrayList<>();
        for (StoredResource rule : rules) {
          if (rule.key().project().equals(instance.key().project())
              && applies(rule.json(), instance.json(), c -> c.contains(Loopback.CLIENT))) {
            applying.add(rule.json());
          }
        }
        for (int port : candidatePorts(applying)) {
          if (allowed(applying, port)) {
            out.add(new Binding(instance.natIp(), port, instance.key().name()));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether the firewall lets every address of {@code sourceRange} reach TCP {@code port} of the
   * instance (by the same rules as the client's reach), e.g. Google's health-check probers. Call with
   * the store locked.
   */
  static boolean admits(ComputeStore store, StoredResource instance, Cidr sourceRange, int port) {
    String first = sourceRange.address(0);
    String last = sourceRange.address((int) Math.min(Integer.MAX_VALUE, sourceRange.size() - 1));
    List<JsonNode> applying = new ArrayList<>();
    for (StoredResource rule : store.all(ComputeKind.FIREWALL)) {
      if (rule.key().project().equals(instance.key().project())
          && applies(rule.json(), instance.json(), c -> c.contains(first) && c.contains(last))) {
        applying.add(rule.json());
      }
    }
    return allowed(applying, port);
  }

  private static boolean applies(JsonNode rule, JsonNode instance, java.util.function.Predicate<Cidr> fromSource) {
    if (!"INGRESS".equals(rule.path("direction").asText())
        || rule.path("disabled").asBoolean(false)) {
      return false;
    }
    boolean fromClient = false;
    for (JsonNode range : rule.path("sourceRanges")) {
      fromClient |= Cidr.tryParse(range.asText().trim()).filter(fromSource).isPresent();
    }
    if (!fromClient) {
      return false;
    }
    JsonNode targetTags = rule.path("targetTags");
    JsonNode targetAccounts = rule.path("targetServiceAccounts");
    if (targetTags.isEmpty() && targetAccounts.isEmpty()) {
      return true;
    }
    Set<String> tags = new HashSet<>(GoogleJson.strings(instance.path("tags").path("items")));
    for (JsonNode t : targetTags) {
      if (tags.contains(t.asText())) {
        return true;
      }
    }
    Set<String> accounts = new HashSet<>();
    instance.path("serviceAccounts").forEach(a -> accounts.add(a.path("email").asText()));
    for (JsonNode a : targetAccounts) {
      if (accounts.contains(a.asText())) {
        return true;
      }
    }
    return false;
  }

  private static Set<Integer> candidatePorts(List<JsonNode> rules) {
    Set<Integer> ports = new HashSet<>();
    for (JsonNode rule : rules) {
      for (JsonNode entry : rule.path("allowed")) {
        if (!"tcp".equals(entry.path("IPProtocol").asText())) {
          continue;
        }
        for (JsonNode p : entry.path("ports")) {
          PortRange range = PortRange.parse(p.asText());
          if (range.size() <= MAX_RANGE) {
            for (int port = range.low(); port <= range.high(); port++) {
              ports.add(port);
            }
          }
        }
      }
    }
    return ports;
  }

  private static boolean allowed(List<JsonNode> rules, int port) {
    int best = Integer.MAX_VALUE;
    boolean deny = false;
    for (JsonNode rule : rules) {
      boolean isDeny = rule.path("denied").size() > 0;
      if (!covers(rule.path(isDeny ? "denied" : "allowed"), port)) {
        continue;
      }
      int priority = rule.path("priority").asInt(1000);
      if (priority < best) {
        best = priority;
        deny = isDeny;
      } else if (priority == best) {
        deny |= isDeny;
      }
    }
    return best != Integer.MAX_VALUE && !deny;
  }

  private static boolean covers(JsonNode entries, int port) {
    for (JsonNode entry : entries) {
      String protocol = entry.path("IPProtocol").asText();
      if (!protocol.equals("tcp") && !protocol.equals("all") && !protocol.equals("6")) {
        continue;
      }
      JsonNode ports = entry.path("ports");
      if (ports.isEmpty()) {
        return true;
      }
      for (JsonNode p : ports) {
        if (PortRange.parse(p.asText()).contains(port)) {
          return true;
        }
      }
    }
    return false;
  }
}
