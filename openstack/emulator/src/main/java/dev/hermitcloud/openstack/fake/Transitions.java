package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the state changes that real services make in the background, after a delay. */
final class Transitions implements AutoCloseable {
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-openstack-transitions");
            t.setDaemon(true);
            return t;
          });
  private final Runnable afterEach;

  /** @param afterEach run after every transition, e.g. to let the app stand-in catch up */
  Transitions(Runnable afterEach) {
    this.afterEach = afterEach;
  }

  void after(Duration delay, Runnable change) {
    executor.schedule(
        () -> {
          change.run();
          afterEach.run();
        },
        delay.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
