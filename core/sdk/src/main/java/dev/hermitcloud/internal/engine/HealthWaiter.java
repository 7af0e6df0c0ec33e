package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.StepFailure;
import dev.hermitcloud.internal.health.ProbeResult;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import dev.hermitcloud.spec.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Probes every instance until its app answers, or reports which did not within the deadline. Once probes
 * are seconds apart, each failed one also reads the instance: a unikernel that exits leaves it stopped
 * (Nova SHUTOFF, GCE TERMINATED, a local QEMU gone), which no wait will cure, so the wait ends there with
 * the cloud's word for it rather than at the deadline. The next apply replaces such an instance.
 */
final class HealthWaiter {
  private final Session session;

  HealthWaiter(Session session) {
    this.session = session;
  }

  void await(String deployment, Health health, Duration timeout, List<Observed> instances) throws Exception {
    List<Session.Task<StepFailure>> tasks = new ArrayList<>();
    for (Observed instance : instances) {
      tasks.add(() -> awaitOne(instance, health, timeout));
    }
    List<StepFailure> failures = session.parallel(tasks).stream().filter(f -> f != null).toList();
    if (!failures.isEmpty()) {
      throw new DeploymentException(deployment, "health check", failures, List.of());
    }
  }

  private StepFailure awaitOne(Observed instance, Health health, Duration timeout) throws InterruptedException {
    var time = session.runtime().time();
    Change change = Change.of(Action.KEEP, ResourceKind.INSTANCE, instance.name(), "health " + health);
    String address = instance.attribute(Observed.ADDRESS).orElse(null);
    if (address == null) {
      return new StepFailure(change, "has no address to probe " + health + " on", null);
    }
    Instant deadline = time.now().plus(timeout);
    Duration interval = Duration.ofMillis(250);
    Duration readFrom = Duration.ofSeconds(2);
    ProbeResult last;
    for (int attempt = 1; ; attempt++) {
      last = session.runtime().healthProbe().probe(address, health);
      session.listener().on(new ProgressEvent.HealthCheckAttempt(instance.name(), address, attempt, last.healthy(), last.detail()));
      if (last.healthy()) {
        return null;
      }
      if (interval.compareTo(readFrom) >= 0) {
        Optional<String> stopped = stopped(instance.name());
        if (stopped.isPresent()) {
          return new StepFailure(change, "stopped while waiting for " + health + " (" + stopped.get() + "); last try: "
              + last.detail() + ". A unikernel that exits stops its instance, and the next apply replaces it. "
              + DeploymentException.READ_THE_CONSOLE, null);
        }
      }
      if (time.now().plus(interval).isAfter(deadline)) {
        return new StepFailure(change, "did not pass " + health + " within " + timeout.toSeconds() + " s; last try: "
            + last.detail() + ". " + DeploymentException.READ_THE_CONSOLE, null);
      }
      time.sleep(interval);
      interval = Duration.ofMillis(Math.min(interval.toMillis() * 2, 5000));
    }
  }

  /** Why the instance is no longer running, if it is not (or gone). */
  private Optional<String> stopped(String name) throws InterruptedException {
    try {
      Optional<Observed> now = session.retried("read " + ResourceKind.INSTANCE.label() + " " + name,
          () -> session.kinds().require(ResourceKind.INSTANCE).read(name));
      if (now.isEmpty()) {
        return Optional.of("it no longer exists");
      }
      return now.get().state() == ResourceState.FAILED
          ? Optional.of(now.get().stateMessage().orElse("the cloud reports it failed")) : Optional.empty();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return Optional.empty(); // a read that fails says nothing about the app; the probes go on
    }
  }
}
