package dev.hermitcloud.openstack.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands in for the application inside each server, so health checks can be tested end to end.
 * For every ACTIVE server and every TCP port its security groups open to 127.0.0.1 (by a prefix
 * containing it, or no prefix), it answers HTTP on the server's floating IP and on its fixed IP
 * (both loopback in this fake) with 200 {@code hello from <server>}. Listeners follow the state:
 * they close when the server, the address or the rule goes away.
 *
 * <p>Which ports: the configured app ports, plus every port of a rule range no wider than 16
 * ports (a rule for "all ports" opens only the configured ones).
 */
final class AppStandIn implements AutoCloseable {
  static final String CALLER = "127.0.0.1";
  private static final int WIDEST_RANGE = 16;

  private final CloudState state;
  private final Set<Integer> appPorts;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-openstack-app");
    t.setDaemon(true);
    return t;
  });
  private final Map<Endpoint, HttpServer> listeners = new HashMap<>();
  private boolean enabled;

  /** One address and port answering for one server. */
  record Endpoint(String address, int port, String serverName) {}

  AppStandIn(CloudState state, boolean enabled, Set<Integer> appPorts) {
    this.state = state;
    this.enabled = enabled;
    this.appPorts = Set.copyOf(appPorts);
  }

  synchronized void enable(boolean on) {
    enabled = on;
    reconcile();
  }

  /** The endpoints answering now. */
  synchronized Set<Endpoint> endpoints() {
    return Set.copyOf(listeners.keySet());
  }

  /** Opens and closes listeners to match the cloud's state. */
  synchronized void reconcile() {
    Set<Endpoint> wanted = enabled ? wanted() : Set.of();
    listeners.entrySet().removeIf(e -> {
      if (wanted.contains(e.getKey())) {
        return false;
      }
      e.getValue().stop(0);
      return true;
    });
    for (Endpoint endpoint : wanted) {
      if (!listeners.containsKey(endpoint)) {
        HttpServer server = listen(endpoint);
        if (server != null) {
          listeners.put(endpoint, server);
        }
      }
    }
  }

  private Set<Endpoint> wanted() {
    Set<Endpoint> wanted = new LinkedHashSet<>();
    synchronized (state) {
      for (FakeServer server : state.servers.values()) {
        if (!server.status.equals("ACTIVE") || server.deleting()) {
          continue;
        }
        for (FakePort port : state.portsOf(server.id)) {
          Set<Integer> open = openPorts(port);
          FakeFloatingIp fip = state.floatingIpOn(port);
          for (int p : open) {
            wanted.add(new Endpoint(port.fixedIp, p, server.name));
            if (fip != null) {
              wanted.add(new Endpoint(fip.address, p, server.name));
            }
          }
        }
      }
    }
    return wanted;
  }

  private Set<Integer> openPorts(FakePort port) {
    Set<Integer> candidates = new HashSet<>(appPorts);
    for (String groupId : port.securityGroupIds) {
      for (FakeSecurityGroupRule rule : state.rulesOf(groupId)) {
        Integer min = rule.portRangeMin();
        if (min != null && rule.portRangeMax() - min < WIDEST_RANGE) {
          for (int p = min; p <= rule.portRangeMax(); p++) {
            candidates.add(p);
          }
        }
      }
    }
    Set<Integer> open = new HashSet<>();
    for (int p : candidates) {
      for (String groupId : port.securityGroupIds) {
        if (state.rulesOf(groupId).stream().anyMatch(r -> r.allowsTcpFrom(CALLER, p))) {
          open.add(p);
        }
      }
    }
    return open;
  }

  private HttpServer listen(Endpoint endpoint) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(endpoint.address(), endpoint.port()), 16);
      byte[] hello = ("hello from " + endpoint.serverName() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      server.createContext("/", exchange -> {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
          exchange.sendResponseHeaders(200, hello.length);
          out.write(hello);
        }
      });
      server.setExecutor(executor);
      server.start();
      return server;
    } catch (IOException e) {
      return null; // address:port busy; the next reconcile tries again
    }
  }

  @Override
  public synchronized void close() {
    listeners.values().forEach(s -> s.stop(0));
    listeners.clear();
    executor.shutdownNow();
  }
}
