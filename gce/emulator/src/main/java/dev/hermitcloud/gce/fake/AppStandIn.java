package dev.hermitcloud.gce.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Models a reachable app behind the firewall: when enabled, listens on natIP:port for every port
 * {@link Reachability} opens and answers any HTTP request 200 {@code "hello from <instance>\n"}.
 * Listeners follow the state: reconciled after every finished operation.
 */
final class AppStandIn implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AppStandIn.class.getName());

  private final ComputeStore store;
  private final Map<Reachability.Binding, HttpServer> listeners = new TreeMap<>();
  private final Map<Reachability.Binding, String> owners = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final ExecutorService executor;
  private boolean enabled;

  AppStandIn(ComputeStore store, boolean enabled) {
    this.store = store;
    this.enabled = enabled;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-gce-app-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  synchronized void enabled(boolean on) {
    enabled = on;
    reconcile();
  }

  synchronized boolean enabled() {
    return enabled;
  }

  /** Opens and closes listeners to match the current instances and firewall rules. */
  synchronized void reconcile() {
    Map<Reachability.Binding, String> wanted = enabled ? Reachability.open(store) : Map.of();
    for (Reachability.Binding b : List.copyOf(listeners.keySet())) {
      if (!owners.get(b).equals(wanted.get(b))) {
        listeners.remove(b).stop(0);
        owners.remove(b);
      }
    }
    for (Map.Entry<Reachability.Binding, String> e : wanted.entrySet()) {
      if (!listeners.containsKey(e.getKey())) {
        listen(e.getKey(), e.getValue());
      }
    }
  }

  /** The bindings currently listening, as {@code "ip:port"}. */
  synchronized Set<String> listening() {
    Set<String> out = new TreeSet<>();
    listeners.keySet().forEach(b -> out.add(b.ip() + ":" + b.port()));
    return out;
  }

  /** Bindings that could not be opened (address or port busy). */
  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private void listen(Reachability.Binding binding, String instance) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(binding.ip(), binding.port()), 0);
      byte[] hello = ("hello from " + instance + "\n").getBytes(StandardCharsets.UTF_8);
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, hello.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(hello);
        }
      });
      server.setExecutor(executor);
      server.start();
      listeners.put(binding, server);
      owners.put(binding, instance);
    } catch (IOException e) {
      String failure = binding.ip() + ":" + binding.port() + " (" + instance + "): " + e;
      failures.add(failure);
      LOG.warning("fake-gce app stand-in cannot listen on " + failure);
    }
  }

  @Override
  public synchronized void close() {
    listeners.values().forEach(s -> s.stop(0));
    listeners.clear();
    owners.clear();
    executor.shutdownNow();
  }
}
