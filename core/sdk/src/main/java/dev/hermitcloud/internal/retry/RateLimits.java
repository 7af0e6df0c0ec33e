package dev.hermitcloud.internal.retry;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One rate limiter per target and rate, shared by every deployment in the JVM, so that parallel
 * deployments to one project do not add up to a burst the cloud throttles.
 */
final class RateLimits {
  private static final Map<String, RateLimiter> LIMITERS = new ConcurrentHashMap<>();

  private RateLimits() {}

  static RateLimiter forTarget(String target, int perSecond) {
    return LIMITERS.computeIfAbsent(target + "@" + perSecond, key -> RateLimiter.of(key,
        RateLimiterConfig.custom().limitForPeriod(perSecond).limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ofMinutes(10)).build()));
  }
}
