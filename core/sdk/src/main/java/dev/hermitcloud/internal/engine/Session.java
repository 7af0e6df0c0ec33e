package dev.hermitcloud.internal.engine;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.internal.retry.Retrier;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Provider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plan, apply or destroy run against one connected provider: its drivers behind the translation
 * boundary, its retrier, its limit on calls in flight, its worker threads and its run id (which seeds the
 * request ids).
 */
final class Session implements AutoCloseable {
  /** Work that may throw; the engine's unit of parallelism. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws Exception;
  }

  private final Provider provider;
  private final Translation translation;
  private final Kinds kinds;
  private final EngineOptions options;
  private final ProgressListener listener;
  private final EngineRuntime runtime;
  private final Retrier retrier;
  private final ExecutorService executor;
  private final AdaptiveLimit limit;
  private final String runId;

  Session(Provider provider, String target, EngineOptions options, ProgressListener listener,
      dev.hermitcloud.retry.RetryPolicy retry, EngineRuntime runtime) {
    this.provider = provider;
    this.translation = new Translation(provider);
    this.kinds = new Kinds(provider, translation);
    this.options = options;
    this.listener = listener;
    this.runtime = runtime;
    this.retrier = new Retrier(retry, runtime.time(), runtime.random(), listener, target);
    this.limit = new AdaptiveLimit(options.parallelism(), listener, target);
    AtomicInteger threads = new AtomicInteger();
    // a thread per step that is ready: waiting steps hold a thread but no call, the limit bounds the calls
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "hermit-engine-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.runId = new UUID(runtime.random().nextLong(), runtime.random().nextLong()).toString();
  }

  /** This run's id: seeds the request ids and names the run in the deployment's lock. */
  String runId() {
    return runId;
  }

  Provider provider() {
    return provider;
  }

  Kinds kinds() {
    return kinds;
  }

  EngineOptions options() {
    return options;
  }

  ProgressListener listener() {
    return listener;
  }

  EngineRuntime runtime() {
    return runtime;
  }

  ExecutorService executor() {
    return executor;
  }

  /** One call to the provider outside the drivers (machine types), translated and under the retry policy. */
  <T> T call(String description, Callable<T> call) throws Exception {
    return retrier.call(description, () -> translation.call(call));
  }

  /**
   * One call through a driver or an operation (already translated), under the retry policy, each attempt
   * within the session's {@link AdaptiveLimit}.
   */
  <T> T retried(String description, Callable<T> call) throws Exception {
    return retrier.call(description, () -> limit.call(call));
  }

  /** The request id for one call of this run: stable across its retries, new in the next run. */
  String requestId(String... parts) {
    return UUID.nameUUIDFromBytes((runId + "/" + String.join("/", parts)).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Runs tasks in parallel and returns their results in order; throws the first failure after all have ended. */
  <T> List<T> parallel(List<Task<T>> tasks) throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (Task<T> task : tasks) {
      futures.add(executor.submit(task::run));
    }
    List<T> results = new ArrayList<>();
    Exception first = null;
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        results.add(null);
        if (first == null) {
          first = e.getCause() instanceof Exception cause ? cause : new RuntimeException(e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
