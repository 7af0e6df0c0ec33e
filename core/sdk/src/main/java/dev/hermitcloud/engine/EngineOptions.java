package dev.hermitcloud.engine;

import dev.hermitcloud.health.HealthProbe;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.time.TimeSource;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/** How the engine runs: retries, progress, parallelism, deadlines, and (for tests) time and randomness. */
@Value.Immutable
public abstract class EngineOptions {
  @Value.Default
  public RetryPolicy retryPolicy() {
    return RetryPolicy.defaults();
  }

  @Value.Default
  @Value.Auxiliary
  public ProgressListener listener() {
    return ProgressListener.none();
  }

  /** How many steps run at once. */
  @Value.Default
  public int parallelism() {
    return 8;
  }

  @Value.Default
  @Value.Auxiliary
  public TimeSource time() {
    return TimeSource.system();
  }

  @Value.Default
  @Value.Auxiliary
  public RandomGenerator random() {
    return new java.security.SecureRandom();
  }

  @Value.Default
  @Value.Auxiliary
  public HealthProbe healthProbe() {
    return HealthProbe.network();
  }

  /** The first wait between polls of a long-running operation; grows by half each poll. */
  @Value.Default
  public Duration firstPoll() {
    return Duration.ofMillis(100);
  }

  /** The longest wait between polls. */
  @Value.Default
  public Duration maxPoll() {
    return Duration.ofSeconds(5);
  }

  @Value.Default
  public Duration blobTimeout() {
    return Duration.ofMinutes(60);
  }

  @Value.Default
  public Duration imageTimeout() {
    return Duration.ofMinutes(30);
  }

  @Value.Default
  public Duration firewallTimeout() {
    return Duration.ofMinutes(5);
  }

  @Value.Default
  public Duration instanceTimeout() {
    return Duration.ofMinutes(15);
  }

  /** The deadline for one step's long-running operation. */
  public Duration timeout(ResourceKind kind) {
    return switch (kind) {
      case BLOB -> blobTimeout();
      case IMAGE -> imageTimeout();
      case FIREWALL -> firewallTimeout();
      case INSTANCE -> instanceTimeout();
    };
  }

  public static EngineOptions defaults() {
    return ImmutableEngineOptions.builder().build();
  }

  public static ImmutableEngineOptions.Builder builder() {
    return ImmutableEngineOptions.builder();
  }
}
