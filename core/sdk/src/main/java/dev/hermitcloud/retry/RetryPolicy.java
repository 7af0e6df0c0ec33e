package dev.hermitcloud.retry;

import dev.hermitcloud.InvalidSpecException;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How cloud calls are retried. Throttling (429), server errors (5xx) and connection faults are retried;
 * other client errors never are. The delay before attempt {@code n+1} is
 * {@code min(maxBackoff, initialBackoff * multiplier^(n-1))}, randomised by {@code ±jitter}, and never
 * shorter than the server's Retry-After. Retrying stops after {@code maxAttempts} attempts or once the
 * next attempt would start after {@code maxElapsed}.
 */
@Value.Immutable
public abstract class RetryPolicy {
  @Value.Default
  public int maxAttempts() {
    return 8;
  }

  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(500);
  }

  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(30);
  }

  @Value.Default
  public double multiplier() {
    return 2.0;
  }

  /** Relative randomisation of each delay, 0 to 1. */
  @Value.Default
  public double jitter() {
    return 0.5;
  }

  /** The longest a call may keep retrying, from its first attempt. */
  @Value.Default
  public Duration maxElapsed() {
    return Duration.ofMinutes(5);
  }

  /**
   * Calls per second allowed to one target, shared by every deployment in this JVM; 0 (the default) for
   * no fixed rate. A run already limits its calls in flight adaptively, backing off when the cloud
   * throttles ({@link dev.hermitcloud.EngineOptions#parallelism()}); a fixed rate is for sharing a quota
   * that the cloud would otherwise enforce only after the fact, e.g. {@code ratePerSecond(25)} for
   * Compute Engine's default 1,500 requests per minute per group.
   */
  @Value.Default
  public int ratePerSecond() {
    return 0;
  }

  public static RetryPolicy defaults() {
    return ImmutableRetryPolicy.builder().build();
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return ImmutableRetryPolicy.builder().maxAttempts(1).build();
  }

  public static ImmutableRetryPolicy.Builder builder() {
    return ImmutableRetryPolicy.builder();
  }

  @Value.Check
  protected void check() {
    if (maxAttempts() < 1 || maxAttempts() > 100) {
      throw new InvalidSpecException("retry.maxAttempts", maxAttempts(), "must be between 1 and 100");
    }
    if (initialBackoff().isNegative() || maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new InvalidSpecException("retry.maxBackoff", maxBackoff(), "must be at least initialBackoff " + initialBackoff());
    }
    if (multiplier() < 1.0) {
      throw new InvalidSpecException("retry.multiplier", multiplier(), "must be at least 1.0");
    }
    if (jitter() < 0 || jitter() > 1) {
      throw new InvalidSpecException("retry.jitter", jitter(), "must be between 0 and 1");
    }
    if (maxElapsed().isNegative() || maxElapsed().isZero()) {
      throw new InvalidSpecException("retry.maxElapsed", maxElapsed(), "must be positive");
    }
    if (ratePerSecond() < 0) {
      throw new InvalidSpecException("retry.ratePerSecond", ratePerSecond(), "must be 0 (no limit) or more");
    }
  }
}
