package dev.hermitcloud.engine;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.retry.Retrier;
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
 * One plan, apply or destroy run against one connected provider: its retrier, its worker threads and its
 * run id (which seeds the request ids).
 */
final class Session implements AutoCloseable {
  /** Work that may throw; the engine's unit of parallelism. */
  @FunctionalInterface
  interface Task<T> {
    T run() throws Exception;
  }

  private final Provider provider;
  private final EngineOptions options;
  private final Retrier retrier;
  private final ExecutorService executor;
  private final String runId;

  Session(Provider provider, String target, EngineOptions options) {
    this.provider = provider;
    this.options = options;
    this.retrier = new Retrier(options.retryPolicy(), options.time(), options.random(), options.listener(), target,
        provider::translate);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(options.parallelism(), r -> {
      Thread t = new Thread(r, "hermit-engine-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.runId = new UUID(options.random().nextLong(), options.random().nextLong()).toString();
  }

  Provider provider() {
    return provider;
  }

  EngineOptions options() {
    return options;
  }

  /** One cloud call under the retry policy. */
  <T> T call(String description, Callable<T> call) throws Exception {
    return retrier.call(description, call);
  }

  /** The request id for one call of this run: stable across its retries, new in the next run. */
  String requestId(String... parts) {
    return UUID.nameUUIDFromBytes((runId + "/" + String.join("/", parts)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
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
