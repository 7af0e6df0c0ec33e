package dev.hermitcloud.openstack.proxy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy on 127.0.0.1 in front of an OpenStack cloud that counts what its client sends, by {@link
 * RequestKind kind}, and can refuse mutating requests: the counters and the fault switch that the fake
 * has, for a real cloud that has neither. The client is given {@link #authUrl()}; Keystone's catalogs
 * come back with every endpoint rewritten to a listener of the proxy (one per upstream origin, started
 * as the catalog names it), so everything the client sends afterwards passes here.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.inFrontOf("http://127.0.0.1:5000/v3")) {
 *   OpenStack target = OpenStack.fromEnvironment(Map.of("OS_AUTH_URL", proxy.authUrl(), ...));
 *   Hermit.deploy(app).to(target).apply();
 *   proxy.mutatingRequests();        // 0 for an unchanged re-deploy, but for the deployment's lock
 *   proxy.refuseMutationsAfter(3);   // the next run dies at its fourth write
 * }
 * }</pre>
 *
 * Only for clouds on loopback: the proxy listens on 127.0.0.1 and forwards to whatever the catalog names.
 */
public final class RecordingProxy implements AutoCloseable {
  static {
    // as in the emulators: without it every answer waits for the client's delayed ACK (40 ms on Linux)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "recording-proxy");
    t.setDaemon(true);
    return t;
  });
  private final List<HttpServer> listeners = new CopyOnWriteArrayList<>();
  private final Map<RequestKind, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Map<RequestKind, AtomicLong> bytes = new ConcurrentHashMap<>();
  private final AtomicLong mutating = new AtomicLong();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();
  /** Refusing starts at this write: its kind and occurrence ({@link #refuseFrom}); null for none. */
  private volatile Trigger trigger;

  private record Trigger(String kind, int occurrence, AtomicInteger seen) {}
  /** Mutating requests still let through; negative for no limit. */
  private final AtomicInteger allowance = new AtomicInteger(-1);
  private final Endpoints endpoints = new Endpoints(this::listen);
  private final String authUrl;

  private RecordingProxy(String upstreamAuthUrl) {
    String host = URI.create(upstreamAuthUrl).getHost();
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
      throw new IllegalArgumentException("the recording proxy serves a cloud on 127.0.0.1, not " + upstreamAuthUrl);
    }
    endpoints.learn("identity", upstreamAuthUrl);
    authUrl = endpoints.rewrite(upstreamAuthUrl);
  }

  /** Starts a proxy in front of the cloud whose Keystone v3 is at {@code upstreamAuthUrl}. */
  public static RecordingProxy inFrontOf(String upstreamAuthUrl) {
    return new RecordingProxy(upstreamAuthUrl);
  }

  /** The Keystone URL to give the client: the upstream one, on the proxy's listener. */
  public String authUrl() {
    return authUrl;
  }

  /** Mutating requests received (every method but GET and HEAD; not a token request or a console read). */
  public long mutatingRequests() {
    return mutating.get();
  }

  /** Requests received by kind, e.g. {@code "compute POST /servers" -> 1}, sorted; refused ones too. */
  public Map<String, Long> requests() {
    return snapshot(requests, false);
  }

  /** The mutating kinds among {@link #requests()}. */
  public Map<String, Long> mutatingKinds() {
    return snapshot(requests, true);
  }

  /** Request-body bytes passed on to the cloud, by kind (an image upload's is its size on the wire). */
  public Map<String, Long> bytesSent() {
    return snapshot(bytes, false);
  }

  /** The kinds of the mutating requests received since the counters were last reset, in order of arrival. */
  public List<String> writes() {
    return List.copyOf(writes);
  }

  /** The kinds of the requests refused since the counters were last reset, in order. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  /** Zeroes the counters (not the refusal). */
  public void resetCounters() {
    requests.clear();
    bytes.clear();
    refused.clear();
    writes.clear();
    mutating.set(0);
  }

  /** From now on lets {@code k} more mutating requests through, then answers every one with 403. */
  public void refuseMutationsAfter(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be 0 or more, not " + k);
    }
    allowance.set(k);
  }

  /**
   * From now on refuses, with 403, the {@code occurrence}-th (1 for the first) mutating request of {@code
   * kind} ({@code "compute POST /servers"}) and every mutating request after it: a run dies at that write,
   * wherever it falls among writes that run in parallel.
   */
  public void refuseFrom(String kind, int occurrence) {
    if (occurrence < 1) {
      throw new IllegalArgumentException("occurrence counts from 1, not " + occurrence);
    }
    trigger = new Trigger(kind, occurrence, new AtomicInteger());
  }

  /** Lets every request through again. */
  public void clearFaults() {
    allowance.set(-1);
    trigger = null;
  }

  @Override
  public void close() {
    listeners.forEach(listener -> listener.stop(0));
    threads.shutdownNow();
  }

  Endpoints endpoints() {
    return endpoints;
  }

  /** Counts a request; false when it is to be refused instead of passed on. */
  boolean admit(RequestKind kind) {
    requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    if (!kind.mutating()) {
      return true;
    }
    mutating.incrementAndGet();
    writes.add(kind.toString());
    Trigger from = trigger;
    boolean triggered = from != null && (from.seen().get() >= from.occurrence()
        || kind.toString().equals(from.kind()) && from.seen().incrementAndGet() >= from.occurrence());
    if (!triggered && allowance.getAndUpdate(left -> left > 0 ? left - 1 : left) != 0) {
      return true;
    }
    refused.add(kind.toString());
    return false;
  }

  void sent(RequestKind kind, long count) {
    if (count > 0) {
      bytes.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(count);
    }
  }

  private String listen(String upstreamOrigin) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.createContext("/", new Forwarder(upstreamOrigin, this, http));
      server.setExecutor(threads);
      server.start();
      listeners.add(server);
      return "http://127.0.0.1:" + server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
  }

  private static Map<String, Long> snapshot(Map<RequestKind, AtomicLong> counters, boolean onlyMutating) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((kind, n) -> {
      if (!onlyMutating || kind.mutating()) {
        out.put(kind.toString(), n.get());
      }
    });
    return out;
  }
}
