package dev.hermitcloud.internal.time;

import java.time.Duration;
import java.time.Instant;

/** The clock and the sleep the engine uses for backoff, polling and deadlines. */
public interface TimeSource {
  Instant now();

  /** Waits for {@code duration}; interruptible. */
  void sleep(Duration duration) throws InterruptedException;

  /** Real time. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }
}
