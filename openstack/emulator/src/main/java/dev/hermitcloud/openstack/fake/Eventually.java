package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Test helper: polls until a value satisfies a condition, failing after a generous bound. */
final class Eventually {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private Eventually() {}

  static <T> T get(Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + BOUND.toNanos();
    T value = probe.get();
    while (!done.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition never held; last value: " + value);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      value = probe.get();
    }
    return value;
  }
}
