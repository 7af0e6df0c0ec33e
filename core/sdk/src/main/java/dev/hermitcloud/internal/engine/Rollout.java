package dev.hermitcloud.internal.engine;

import dev.hermitcloud.spec.Health;
import java.time.Duration;
import java.util.Optional;

/**
 * How a deployment's instances are replaced when the cloud has no rolling update of its own (an OpenStack
 * server group): at most {@code width} at a time, and each batch only once the one before it is ready and,
 * with a health check, answers. The old machine of an instance goes before its new one comes, since it
 * keeps its name; so {@code width} is how many may be out of service at once.
 *
 * @param width how many instances may be replaced at once (at least 1)
 * @param health the check a new instance must pass before the next batch's old ones go, if any
 * @param timeout how long one new instance may take to pass it
 */
record Rollout(int width, Optional<Health> health, Duration timeout) {
  Rollout {
    if (width < 1) {
      throw new IllegalArgumentException("a rollout replaces at least one instance at a time: " + width);
    }
  }
}
