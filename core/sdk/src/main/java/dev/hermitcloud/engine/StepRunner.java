package dev.hermitcloud.engine;

import dev.hermitcloud.plan.Change;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.CloudException;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import dev.hermitcloud.retry.Faults;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Executes one planned change: the calls it needs, each retried, and the wait for each to finish. */
final class StepRunner {
  private final Session session;
  private final Awaiter awaiter;

  StepRunner(Session session) {
    this.session = session;
    this.awaiter = new Awaiter(session);
  }

  void run(PlannedChange planned) throws Exception {
    Change change = planned.change();
    ResourceDriver<ResourceSpec> driver = Drivers.require(session.provider(), change.kind());
    switch (change.action()) {
      case CREATE -> create(driver, planned.desired().orElseThrow());
      case KEEP -> {
        Observed current = planned.current().orElseThrow();
        if (current.state() != ResourceState.READY) {
          ResourceSpec spec = planned.desired().orElseThrow();
          CallContext context = context(spec, Ownership.of(spec), "resume");
          Operation finishing = session.call("resume " + change.kind().label() + " " + change.name(),
              () -> finish(driver, current, spec, context));
          awaiter.await(change.kind(), change.name(), finishing);
        }
      }
      case UPDATE -> update(driver, planned.current().orElseThrow(), planned.desired().orElseThrow());
      case REPLACE -> {
        delete(driver, planned.current().orElseThrow());
        create(driver, planned.desired().orElseThrow());
      }
      case DELETE -> delete(driver, planned.current().orElseThrow());
    }
  }

  /**
   * Creates, or adopts what an earlier attempt created: a retry first looks for the resource, and a 409 on
   * a resource carrying our marks is the same success, so a lost response never creates twice.
   */
  private void create(ResourceDriver<ResourceSpec> driver, ResourceSpec spec) throws Exception {
    String description = "create " + spec.kind().label() + " " + spec.name();
    CallContext context = context(spec, Ownership.of(spec), "create");
    AtomicInteger attempts = new AtomicInteger();
    Operation operation = session.call(description, () -> {
      if (attempts.incrementAndGet() > 1) {
        Optional<Operation> adopted = adopt(driver, spec, context);
        if (adopted.isPresent()) {
          return adopted.get();
        }
      }
      try {
        return driver.create(spec, context);
      } catch (Exception e) {
        Exception translated = session.provider().translate(e);
        if (Faults.cloud(translated).map(CloudException::isConflict).orElse(false)) {
          Optional<Operation> adopted = adopt(driver, spec, context);
          if (adopted.isPresent()) {
            return adopted.get();
          }
          Observed other = driver.read(spec.name()).orElse(null);
          throw new ResourceConflictException(spec.kind(), spec.name(), spec.deployment(),
              other == null ? "in conflict (" + translated.getMessage() + ")"
                  : other.owner().map(o -> "owned by deployment '" + o.deployment() + "'").orElse("not owned by hermit-cloud"));
        }
        throw translated;
      }
    });
    awaiter.await(spec.kind(), spec.name(), operation);
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

  private void update(ResourceDriver<ResourceSpec> driver, Observed current, ResourceSpec spec) throws Exception {
    CallContext context = context(spec, Ownership.of(spec), "update");
    Operation operation = session.call("update " + spec.kind().label() + " " + spec.name(),
        () -> driver.update(current, spec, context));
    awaiter.await(spec.kind(), spec.name(), operation);
  }

  private void delete(ResourceDriver<ResourceSpec> driver, Observed current) throws Exception {
    String description = "delete " + current.kind().label() + " " + current.name();
    CallContext context = new CallContext(current.kind(), current.name(), null,
        session.requestId("delete", current.kind().name(), current.name()), session.options().listener());
    Operation operation = session.call(description, () -> {
      try {
        return driver.delete(current, context);
      } catch (Exception e) {
        Exception translated = session.provider().translate(e);
        if (Faults.cloud(translated).map(CloudException::isNotFound).orElse(false)) {
          return Operation.completed(description);
        }
        throw translated;
      }
    });
    awaiter.await(current.kind(), current.name(), operation);
  }

  private CallContext context(ResourceSpec spec, Ownership ownership, String action) {
    return new CallContext(spec.kind(), spec.name(), ownership,
        session.requestId(action, spec.kind().name(), spec.name(), spec.fingerprint()), session.options().listener());
  }
}
