package dev.hermitcloud.internal.time;

import java.time.Duration;
import java.time.Instant;

/** Wall-clock time and {@link Thread#sleep}. */
enum SystemTime implements TimeSource {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  }
}
