package dev.hermitcloud.emulator.http;

import com.sun.net.httpserver.HttpServer;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulator's HTTP server on 127.0.0.1: the cloud's routes, the admin routes under {@code
 * /_fake/}, request statistics, the fault plan and latency per call, all answered in the cloud's
 * {@link CloudDialect}.
 *
 * <pre>{@code
 * EmulatorServer server = EmulatorServer.builder("fake-cloud", dialect)
 *     .routes(router).admin(adminApi.router()).stats(stats).faults(plan).port(0).start();
 * }</pre>
 */
public final class EmulatorServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer
    // waits for the client's delayed ACK (40 ms on Linux). Read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Dispatcher dispatcher;

  private EmulatorServer(Builder b) {
    this.dispatcher = new Dispatcher(b);
    this.executor = b.threads == 0 ? Executors.newCachedThreadPool(threads(b.name))
        : Executors.newFixedThreadPool(b.threads, threads(b.name));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + b.port, e);
    }
    server.createContext("/", dispatcher);
    server.setExecutor(executor);
    server.start();
  }

  public static Builder builder(String name, CloudDialect dialect) {
    return new Builder(name, dialect);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Latency added to every cloud call from now on (not to {@code /_fake/} calls). */
  public void latency(Duration perCall) {
    dispatcher.latency(Objects.requireNonNull(perCall));
  }

  public Duration latency() {
    return dispatcher.latency();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures an {@link EmulatorServer}; only the name and dialect are required. */
  public static final class Builder {
    final String name;
    final CloudDialect dialect;
    Router router = new Router();
    Router admin = new Router();
    RequestStats stats = new RequestStats();
    FaultPlan faults = new FaultPlan(0);
    Duration latency = Duration.ZERO;
    Runnable afterChange = () -> { };
    PrintStream trace;
    int port;
    int threads;

    private Builder(String name, CloudDialect dialect) {
      this.name = Objects.requireNonNull(name);
      this.dialect = Objects.requireNonNull(dialect);
    }

    /** The cloud's routes. */
    public Builder routes(Router routes) {
      this.router = routes;
      return this;
    }

    /** The routes under {@code /_fake/}, usually {@code AdminApi.router()}. */
    public Builder admin(Router routes) {
      this.admin = routes;
      return this;
    }

    public Builder stats(RequestStats requestStats) {
      this.stats = requestStats;
      return this;
    }

    public Builder faults(FaultPlan plan) {
      this.faults = plan;
      return this;
    }

    /** Latency added to every cloud call (default none). */
    public Builder latency(Duration perCall) {
      this.latency = Objects.requireNonNull(perCall);
      return this;
    }

    /**
     * Runs after every mutating call that succeeded or was faulted, before it is answered, so that
     * what follows from it (an app stand-in listening) is there when the caller looks.
     */
    public Builder afterChange(Runnable hook) {
      this.afterChange = hook;
      return this;
    }

    /** Prints each call and its outcome here (never bodies or headers); null for none. */
    public Builder trace(PrintStream out) {
      this.trace = out;
      return this;
    }

    /** The port on 127.0.0.1; 0 (default) picks a free one. */
    public Builder port(int listenPort) {
      this.port = listenPort;
      return this;
    }

    /** Request threads: 0 (default) for as many as needed, else a fixed pool. */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    public EmulatorServer start() {
      return new EmulatorServer(this);
    }
  }
}
