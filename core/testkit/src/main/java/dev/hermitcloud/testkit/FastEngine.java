package dev.hermitcloud.testkit;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.retry.RetryPolicy;
import java.time.Duration;

/**
 * Engine settings for tests against emulators whose operations take milliseconds: polls 20 ms apart
 * growing to 200 ms, a deployment lock of 5 s looked at every 50 ms by a waiting writer, and retries from 10 ms up to 200 ms, 12 attempts, no rate limit.
 *
 * <pre>{@code
 * Hermit.deploy(app).to(target).engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).apply();
 * }</pre>
 */
public final class FastEngine {
  public static final EngineOptions OPTIONS = EngineOptions.builder().firstPoll(Duration.ofMillis(20))
      .maxPoll(Duration.ofMillis(200))
      .lockTtl(Duration.ofSeconds(5)).lockPoll(Duration.ofMillis(50)).build();

  public static final RetryPolicy RETRY = RetryPolicy.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(200)).maxAttempts(12).ratePerSecond(0).build();

  private FastEngine() {}
}
