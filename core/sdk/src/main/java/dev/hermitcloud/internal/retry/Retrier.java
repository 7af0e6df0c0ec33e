package dev.hermitcloud.internal.retry;

import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.internal.time.TimeSource;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import dev.hermitcloud.GaveUpException;
import dev.hermitcloud.retry.RetryPolicy;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * Runs a cloud call under the {@link RetryPolicy}. resilience4j decides whether and how long to wait;
 * the wait itself goes through the {@link TimeSource}, so tests run on a virtual clock. Calls reach it
 * already translated (the engine's {@code Translation} boundary), so it classifies the SDK's own
 * exceptions only.
 */
public final class Retrier {
  private final RetryPolicy policy;
  private final TimeSource time;
  private final ProgressListener listener;
  private final RateLimiter limiter;
  private final RetryConfig config;

  /** @param target the target's description: calls to one target share a rate limit */
  public Retrier(RetryPolicy policy, TimeSource time, RandomGenerator random, ProgressListener listener,
      String target) {
    this.policy = policy;
    this.time = time;
    this.listener = listener;
    this.limiter = policy.ratePerSecond() == 0 ? null : RateLimits.forTarget(target, policy.ratePerSecond());
    this.config = RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(Faults::isTransient)
        .intervalBiFunction(new Backoff(policy, random))
        .build();
  }

  /** Calls {@code call}, retrying transient faults; throws the final fault. */
  public <T> T call(String description, Callable<T> call) throws Exception {
    Retry.AsyncContext<Object> context = Retry.of(description, config).asyncContext();
    Instant start = time.now();
    for (int attempt = 1; ; attempt++) {
      if (limiter != null) {
        limiter.acquirePermission();
      }
      Exception fault;
      try {
        T result = call.call();
        context.onComplete();
        return result;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        fault = e;
      }
      long delayMillis = context.onError(fault);
      Duration elapsed = Duration.between(start, time.now());
      if (delayMillis < 0) {
        if (!Faults.isTransient(fault) || attempt == 1 && policy.maxAttempts() == 1) {
          throw fault;
        }
        throw new GaveUpException(description, attempt, elapsed, "maxAttempts " + policy.maxAttempts(), fault);
      }
      Duration delay = Duration.ofMillis(delayMillis);
      if (elapsed.plus(delay).compareTo(policy.maxElapsed()) > 0) {
        throw new GaveUpException(description, attempt, elapsed,
            "the next attempt would start after maxElapsed " + policy.maxElapsed(), fault);
      }
      listener.on(new ProgressEvent.RetryScheduled(description, attempt, delay, Faults.describe(fault)));
      time.sleep(delay);
    }
  }
}
