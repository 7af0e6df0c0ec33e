package dev.hermitcloud;

import dev.hermitcloud.resource.ResourceKind;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * How apply and destroy run: how many cloud calls at once, how often long-running operations are polled, and
 * how long each kind of resource may take. Every setting has a default; progress and retries are set on
 * the definition itself ({@code onProgress}, {@code retry}), never here, so no setting replaces another.
 *
 * <pre>{@code
 * Hermit.deploy(app).to(target)
 *     .engineOptions(EngineOptions.builder().parallelism(16).putTimeouts(ResourceKind.IMAGE, Duration.ofHours(1)).build())
 *     .apply();
 * }</pre>
 */
@Value.Immutable
public abstract class EngineOptions {
  /**
   * The most cloud calls in flight at once. Every step that can run runs (a step waiting for its
   * operation holds no call); the calls are limited adaptively, starting at 8, growing while the cloud
   * answers and halving when it throttles (429, or Compute Engine's 403 {@code rateLimitExceeded}), and
   * never above this cap. {@code 1} makes one call at a time.
   */
  @Value.Default
  public int parallelism() {
    return 64;
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

  /**
   * How long a deployment's lock stays valid without renewal. The holder renews it every third of this;
   * a holder that dies (or hangs) past it loses the lock to the next writer, which takes it over.
   */
  @Value.Default
  public Duration lockTtl() {
    return Duration.ofSeconds(60);
  }

  /** How often a writer waiting for a deployment's lock looks again. */
  @Value.Default
  public Duration lockPoll() {
    return Duration.ofSeconds(2);
  }

  /** Deadlines for one step's long-running operation, by kind; a kind not named here gets its default. */
  public abstract Map<ResourceKind, Duration> timeouts();

  /** The deadline for one step of {@code kind}. */
  public Duration timeout(ResourceKind kind) {
    return timeouts().getOrDefault(kind, kind.defaultTimeout());
  }

  public static EngineOptions defaults() {
    return ImmutableEngineOptions.builder().build();
  }

  public static ImmutableEngineOptions.Builder builder() {
    return ImmutableEngineOptions.builder();
  }

  @Value.Check
  protected void check() {
    if (parallelism() < 1 || parallelism() > 256) {
      throw new InvalidSpecException("engineOptions.parallelism", parallelism(), "must be from 1 to 256");
    }
    if (firstPoll().isNegative() || firstPoll().isZero() || maxPoll().compareTo(firstPoll()) < 0) {
      throw new InvalidSpecException("engineOptions.firstPoll", firstPoll(), "must be positive and at most maxPoll " + maxPoll());
    }
    if (lockTtl().compareTo(Duration.ofMillis(30)) < 0) {
      throw new InvalidSpecException("engineOptions.lockTtl", lockTtl(), "must be at least 30 ms (it is renewed every third of it)");
    }
    if (lockPoll().isNegative() || lockPoll().isZero()) {
      throw new InvalidSpecException("engineOptions.lockPoll", lockPoll(), "must be positive");
    }
    timeouts().forEach((kind, timeout) -> {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidSpecException("engineOptions.timeouts[" + kind.label() + "]", timeout, "must be positive");
      }
    });
  }
}
