package dev.hermitcloud.internal.retry;

import dev.hermitcloud.retry.RetryPolicy;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import java.util.random.RandomGenerator;

/** The policy's delay before the next attempt, as resilience4j asks for it. */
final class Backoff implements IntervalBiFunction<Object> {
  private final RetryPolicy policy;
  private final RandomGenerator random;

  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  @Override
  public Long apply(Integer attempt, Either<Throwable, Object> outcome) {
    double base = policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), Math.max(0, attempt - 1));
    double capped = Math.min(base, policy.maxBackoff().toMillis());
    double spread = capped * policy.jitter();
    long delay = Math.round(capped - spread + random.nextDouble() * 2 * spread);
    if (outcome != null && outcome.isLeft()) {
      long retryAfter = Faults.retryAfter(outcome.getLeft()).map(d -> d.toMillis()).orElse(0L);
      delay = Math.max(delay, retryAfter);
    }
    return Math.max(0, delay);
  }
}
