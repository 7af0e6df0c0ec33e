package dev.hermitcloud.testkit;

import dev.hermitcloud.internal.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when someone sleeps: each sleep advances it and returns at once, so tests of
 * backoff and deadlines take no real time. Every sleep is recorded.
 */
public final class VirtualTime implements TimeSource {
  private final AtomicLong nanos = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @Override
  public Instant now() {
    return EPOCH.plusNanos(nanos.get());
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
  }

  /** Every sleep so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** How far the clock moved. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get());
  }
}
