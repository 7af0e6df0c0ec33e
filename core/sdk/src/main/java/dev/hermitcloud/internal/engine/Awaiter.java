package dev.hermitcloud.internal.engine;

import dev.hermitcloud.OperationFailedException;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Waits for long-running work: polls with growing intervals, retries failed polls, enforces deadlines. */
final class Awaiter {
  private final Session session;

  Awaiter(Session session) {
    this.session = session;
  }

  /** Polls {@code operation} until it is done; fails if it fails or outlives the kind's deadline. */
  void await(ResourceKind kind, String name, Operation operation) throws Exception {
    var time = session.runtime().time();
    Duration timeout = session.options().timeout(kind);
    Instant deadline = time.now().plus(timeout);
    Duration interval = session.options().firstPoll();
    while (true) {
      OperationStatus status = session.retried("poll " + operation.description(), operation::poll);
      if (status instanceof OperationStatus.Done) {
        return;
      }
      if (status instanceof OperationStatus.Failed failed) {
        throw new OperationFailedException(operation.description() + " failed: " + failed.message());
      }
      String detail = ((OperationStatus.Running) status).detail();
      session.listener().on(new ProgressEvent.OperationPolled(kind, name, detail));
      if (time.now().plus(interval).isAfter(deadline)) {
        throw new OperationFailedException(operation.description() + " did not finish within "
            + timeout.toSeconds() + " s (last status: " + detail + "); re-run apply to keep waiting");
      }
      time.sleep(interval);
      interval = min(Duration.ofMillis(interval.toMillis() * 3 / 2), session.options().maxPoll());
    }
  }

  /**
   * The resource once it can be read, for a create refused with a 409 while a read finds nothing: the
   * create that made it (ours in a lost attempt or a killed run, or someone else's) is still pending.
   * Empty if it does not appear within the kind's deadline.
   */
  Optional<Observed> appearance(ResourceDriver<ResourceSpec> driver, ResourceKind kind, String name) throws Exception {
    var time = session.runtime().time();
    Instant deadline = time.now().plus(session.options().timeout(kind));
    Duration interval = session.options().firstPoll();
    while (true) {
      Optional<Observed> observed = session.retried("read " + kind.label() + " " + name, () -> driver.read(name));
      if (observed.isPresent() || time.now().plus(interval).isAfter(deadline)) {
        return observed;
      }
      session.listener().on(new ProgressEvent.OperationPolled(kind, name, "exists (409) but cannot be read yet"));
      time.sleep(interval);
      interval = min(Duration.ofMillis(interval.toMillis() * 3 / 2), session.options().maxPoll());
    }
  }

  /**
   * An operation that watches a resource we found rather than started (after a lost response, a 409, or
   * a previous run that stopped early): done when it is ready, failed if it failed or vanished.
   */
  Operation readiness(ResourceDriver<ResourceSpec> driver, ResourceKind kind, String name) {
    return new Operation() {
      @Override
      public String description() {
        return "wait for " + kind.label() + " " + name;
      }

      @Override
      public OperationStatus poll() throws Exception {
        Optional<Observed> observed = driver.read(name);
        if (observed.isEmpty()) {
          return OperationStatus.failed(kind.label() + " '" + name + "' disappeared while being created");
        }
        ResourceState state = observed.get().state();
        return switch (state) {
          case READY -> OperationStatus.done();
          case FAILED -> OperationStatus.failed(observed.get().stateMessage().orElse("failed"));
          default -> OperationStatus.running(state.name());
        };
      }
    };
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
