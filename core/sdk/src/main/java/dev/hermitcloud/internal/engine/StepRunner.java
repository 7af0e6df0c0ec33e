package dev.hermitcloud.internal.engine;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.ResourceConflictException;
import dev.hermitcloud.internal.retry.Faults;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls of one step, each retried, and the wait for each to finish. Drivers reach it through the
 * {@link Translation} boundary, so every fault here is already the SDK's own.
 */
final class StepRunner {
  private final Session session;
  private final Awaiter awaiter;

  StepRunner(Session session) {
    this.session = session;
    this.awaiter = new Awaiter(session);
  }

  /**
   * Creates, or adopts what an earlier attempt created: a retry first looks for the resource, and a 409 on
   * a resource carrying our marks is the same success, so a lost response never creates twice. A 409 for
   * a resource that cannot be read yet is a create still pending (ours, in this run or a killed one, or
   * someone else's): it is waited for until it appears, then adopted if it is ours.
   */
  void create(ResourceSpec spec) throws Exception {
    ResourceDriver<ResourceSpec> driver = session.kinds().require(spec.kind());
    String description = "create " + spec.kind().label() + " " + spec.name();
    CallContext context = context(spec, "create");
    AtomicInteger attempts = new AtomicInteger();
    Operation operation = session.retried(description, () -> {
      if (attempts.incrementAndGet() > 1) {
        Optional<Operation> adopted = adopt(driver, spec, context);
        if (adopted.isPresent()) {
          return adopted.get();
        }
      }
      try {
        return driver.create(spec, context);
      } catch (CloudException e) {
        if (!e.isConflict()) {
          throw e;
        }
        return conflicted(driver, spec, context, e);
      }
    });
    awaiter.await(spec.kind(), spec.name(), operation);
  }

  /** After a 409: adopt what is ours (once it can be read), converge ours made from another spec, refuse the rest. */
  private Operation conflicted(ResourceDriver<ResourceSpec> driver, ResourceSpec spec, CallContext context, CloudException e)
      throws Exception {
    Optional<Observed> existing = awaiter.appearance(driver, spec.kind(), spec.name());
    if (existing.isEmpty()) {
      throw new ResourceConflictException(spec.kind(), spec.name(), spec.deployment(),
          "still cannot be read (the cloud answered: " + e.getMessage() + ")");
    }
    Observed found = existing.get();
    if (!found.ownedBy(spec.deployment())) {
      throw new ResourceConflictException(spec.kind(), spec.name(), spec.deployment(),
          found.owner().map(o -> "owned by deployment '" + o.deployment() + "'").orElse("not owned by hermit-cloud"));
    }
    Ownership marks = found.owner().get();
    if (marks.fingerprint().equals(spec.fingerprint())) {
      return finish(driver, found, spec, context);
    }
    // Ours, made from another version of the spec by a run that was killed or planned before this one.
    if (driver.updatesInPlace() && marks.replaceFingerprint().equals(spec.replaceFingerprint())
        && found.state() == ResourceState.READY) {
      return driver.update(found, spec, context(spec, "update"));
    }
    delete(found);
    throw new CloudException(503, "create " + spec.kind().label() + " " + spec.name() + ": removed our own "
        + spec.kind().label() + " made from another version of the spec (" + marks.fingerprint() + "); creating it again",
        java.time.Duration.ZERO, null);
  }

  /** Finishes a resource that is ours and unchanged but not ready yet (a previous run stopped early). */
  void finish(Observed current, ResourceSpec spec) throws Exception {
    ResourceDriver<ResourceSpec> driver = session.kinds().require(spec.kind());
    CallContext context = context(spec, "resume");
    Operation finishing = session.retried("resume " + spec.kind().label() + " " + spec.name(),
        () -> finish(driver, current, spec, context));
    awaiter.await(spec.kind(), spec.name(), finishing);
  }

  void update(Observed current, ResourceSpec spec) throws Exception {
    ResourceDriver<ResourceSpec> driver = session.kinds().require(spec.kind());
    CallContext context = context(spec, "update");
    Operation operation = session.retried("update " + spec.kind().label() + " " + spec.name(),
        () -> driver.update(current, spec, context));
    awaiter.await(spec.kind(), spec.name(), operation);
  }

  void delete(Observed current) throws Exception {
    ResourceDriver<ResourceSpec> driver = session.kinds().require(current.kind());
    String description = "delete " + current.kind().label() + " " + current.name();
    CallContext context = new CallContext(current.kind(), current.name(), null,
        session.requestId("delete", current.kind().label(), current.name()), session.listener());
    Operation operation = session.retried(description, () -> {
      try {
        return driver.delete(current, context);
      } catch (CloudException e) {
        if (e.isNotFound()) {
          return Operation.completed(description);
        }
        throw e;
      }
    });
    awaiter.await(current.kind(), current.name(), operation);
  }

  private Optional<Operation> adopt(ResourceDriver<ResourceSpec> driver, ResourceSpec spec, CallContext context)
      throws Exception {
    Optional<Observed> existing = driver.read(spec.name());
    if (existing.isPresent() && existing.get().ownedBy(spec.deployment())
        && existing.get().owner().get().fingerprint().equals(spec.fingerprint())) {
      return Optional.of(finish(driver, existing.get(), spec, context));
    }
    return Optional.empty();
  }

  /** What completes a resource found half-made: the driver's own resumption, else waiting for readiness. */
  private Operation finish(ResourceDriver<ResourceSpec> driver, Observed current, ResourceSpec spec, CallContext context)
      throws Exception {
    Optional<Operation> resumed = current.state() == ResourceState.READY ? Optional.empty()
        : driver.resume(current, spec, context);
    return resumed.orElseGet(() -> awaiter.readiness(driver, spec.kind(), spec.name()));
  }

  private CallContext context(ResourceSpec spec, String action) {
    return new CallContext(spec.kind(), spec.name(), Ownership.of(spec),
        session.requestId(action, spec.kind().label(), spec.name(), spec.fingerprint()), session.listener());
  }
}
