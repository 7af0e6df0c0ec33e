package dev.hermitcloud.emulator.time;

import java.time.Duration;

/** Sleeps for injected latency; an interrupt ends the pause early and stays set. */
public final class Pause {
  private Pause() {}

  public static void of(Duration duration) {
    long millis = duration.toMillis();
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
