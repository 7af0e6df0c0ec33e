package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the fake's asynchronous transitions take. Change them at any time, e.g. to make the
 * next server build slowly; a transition already scheduled keeps the duration it started with.
 */
public final class Timings {
  private volatile Duration build;
  private volatile Duration save;
  private volatile Duration delete;

  Timings(Duration build, Duration save, Duration delete) {
    this.build = build;
    this.save = save;
    this.delete = delete;
  }

  /** Server BUILD to ACTIVE (or ERROR). */
  public Duration build() {
    return build;
  }

  public Timings build(Duration duration) {
    build = Objects.requireNonNull(duration);
    return this;
  }

  /** Image saving to active (or killed) once its data has arrived. */
  public Duration save() {
    return save;
  }

  public Timings save(Duration duration) {
    save = Objects.requireNonNull(duration);
    return this;
  }

  /** A deleted server lingers this long (task_state deleting) before it is gone. */
  public Duration delete() {
    return delete;
  }

  public Timings delete(Duration duration) {
    delete = Objects.requireNonNull(duration);
    return this;
  }
}
