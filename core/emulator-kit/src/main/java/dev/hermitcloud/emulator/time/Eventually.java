package dev.hermitcloud.emulator.time;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * For tests against an emulator: polls until a value satisfies a condition, failing with an {@link
 * AssertionError} after a generous bound (emulated clouds change state in the background).
 */
public final class Eventually {
  private static final Duration BOUND = Duration.ofSeconds(10);

  private Eventually() {}

  public static <T> T get(Supplier<T> probe, Predicate<T> done) {
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
