package dev.hermitcloud.internal.engine;

import dev.hermitcloud.spec.Health;
import java.time.Duration;
import java.util.Optional;

/**
 * How a deployment's instances are replaced when the cloud has no rolling update of its own (single
 * instances anywhere, an OpenStack server group). An instance with a second name gets its replacement
 * made beside it, {@code surge} at a time, and goes once the new one is up and, with a health check,
 * answers. An instance without one goes before its replacement comes, {@code unavailable} at a time; in a
 * group each such batch waits until the one before answers.
 *
 * @param surge how many replacements may be made beside their old instances at once (at least 1)
 * @param unavailable how many instances may be out of service at once when replaced in place (at least 1)
 * @param health the check a new instance must pass before an old one goes, if any
 * @param timeout how long one new instance may take to pass it
 * @param gatesInPlace whether in-place replacements also wait for the batch before them to answer (a group)
 */
record Rollout(int surge, int unavailable, Optional<Health> health, Duration timeout, boolean gatesInPlace) {
  Rollout {
    if (surge < 1 || unavailable < 1) {
      throw new IllegalArgumentException("a rollout replaces at least one instance at a time: " + surge + ", " + unavailable);
    }
  }

  /** Single instances: every replacement at once, each old machine kept until its successor answers. */
  static Rollout allAtOnce(Optional<Health> health, Duration timeout) {
    return new Rollout(Integer.MAX_VALUE, Integer.MAX_VALUE, health, timeout, false);
  }
}
