package dev.hermitcloud.emulator.app;

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
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Models a reachable app behind the cloud's firewall: while enabled, listens on every {@link
 * Binding} the cloud says is open (a running machine's address and a port its rules let the
 * client reach) and answers any HTTP request 200 {@code "hello from <machine>\n"}. Listeners follow
 * the state: the cloud calls {@link #reconcile()} after every change, and a listener whose binding
 * is no longer wanted closes. A binding that cannot be opened (address or port busy) is noted in
 * {@link #failures()} and tried again on the next reconcile.
 */
public final class AppStandIn implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AppStandIn.class.getName());

  private final Supplier<Set<Binding>> open;
  private final String name;
  private final Map<Binding, HttpServer> listeners = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final ExecutorService executor;
  private boolean enabled;

  /**
   * @param name names the threads and log lines, e.g. {@code fake-gce}
   * @param open the bindings the cloud's state opens now; called under no lock of the stand-in's
   *     caller, so it takes the cloud's own
   */
  public AppStandIn(String name, Supplier<Set<Binding>> open, boolean enabled) {
    this.name = name;
    this.open = open;
    this.enabled = enabled;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name + "-app-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public synchronized void enabled(boolean on) {
    enabled = on;
    reconcile();
  }

  public synchronized boolean enabled() {
    return enabled;
  }

  /** Opens and closes listeners to match the bindings the cloud's state opens now. */
  public synchronized void reconcile() {
    Set<Binding> wanted = enabled ? open.get() : Set.of();
    listeners.entrySet().removeIf(e -> {
      if (wanted.contains(e.getKey())) {
        return false;
      }
      e.getValue().stop(0);
      return true;
    });
    for (Binding binding : wanted) {
      if (!listeners.containsKey(binding)) {
        listen(binding);
      }
    }
  }

  /** The bindings answering now. */
  public synchronized Set<Binding> bindings() {
    return new TreeSet<>(listeners.keySet());
  }

  /** Where the stand-in answers now, as {@code address:port}, sorted. */
  public synchronized Set<String> endpoints() {
    Set<String> out = new TreeSet<>();
    listeners.keySet().forEach(b -> out.add(b.endpoint()));
    return out;
  }

  /** Bindings that could not be opened, with the reason. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private void listen(Binding binding) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(binding.address(), binding.port()), 16);
      byte[] hello = ("hello from " + binding.machine() + "\n").getBytes(StandardCharsets.UTF_8);
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
      listeners.put(binding, server);
    } catch (IOException e) {
      String failure = binding.endpoint() + " (" + binding.machine() + "): " + e;
      failures.add(failure);
      LOG.warning(name + " app stand-in cannot listen on " + failure);
    }
  }

  @Override
  public synchronized void close() {
    listeners.values().forEach(s -> s.stop(0));
    listeners.clear();
    executor.shutdownNow();
  }
}
