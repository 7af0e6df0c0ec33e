package dev.hermitcloud.internal.engine;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.OperationFailedException;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.GroupMembers;
import dev.hermitcloud.provider.LockLease;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.DeploymentSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans, applies and destroys deployments on a connected {@link Provider}. The cloud is the only state:
 * resources are found by their deterministic names and ownership marks, so any run, even one killed
 * half-way, is completed by the next. Not API: reached through {@code Hermit.deploy} and
 * {@code Hermit.destroy}.
 */
public final class Engine {
  private final EngineOptions options;
  private final ProgressListener listener;
  private final RetryPolicy retry;
  private final EngineRuntime runtime;
  private final Duration lockTimeout;

  /** An engine configured as {@code settings} are now (later changes to them do not reach it). */
  public Engine(EngineSettings settings) {
    this.options = settings.options();
    this.listener = settings.listener();
    this.retry = settings.retry();
    this.runtime = settings.runtime();
    this.lockTimeout = settings.lockTimeout();
  }

  /** The runtime (clock) this engine runs on, for the deployment it returns. */
  public EngineRuntime runtime() {
    return runtime;
  }

  /** What {@link #apply} would do now. Makes read calls only. */
  public Plan plan(DeploymentSpec spec, Provider provider) throws Exception {
    validate(spec, provider);
    try (Session session = session(provider, spec.target().describe())) {
      preflight(spec, session);
      return planChanges(spec, session).plan(spec);
    }
  }

  /** Converges the cloud to {@code spec}, then waits for the health check if there is one. */
  public Applied apply(DeploymentSpec spec, Provider provider) throws Exception {
    Instant start = runtime.time().now();
    validate(spec, provider);
    try (Session session = session(provider, spec.target().describe());
        HeldLock lock = preflightThenLock(spec, session)) {
      Planned planned = planChanges(spec, session);
      List<PlannedChange> changes = planned.changes();
      Plan plan = planned.plan(spec);
      listener.on(new ProgressEvent.PlanComputed(plan));
      Optional<Rollout> rollout = rolloutOf(spec);
      Executor executor = new Executor(session, rollout);
      executor.run(StepGraph.of(changes, rollout));
      lock.requireHeld("apply");
      executor.throwIfFailed(spec.name(), "apply");
      // the health wait only reads: another writer need not wait for it
      lock.release();

      List<Observed> instances = readInstances(session, changes);
      if (spec.health().isPresent()) {
        new HealthWaiter(session).await(spec.name(), spec.health().get(), spec.healthTimeout(), instances);
      }
      listener.on(new ProgressEvent.Finished(spec.name(), "apply", Duration.between(start, runtime.time().now())));
      return new Applied(plan, instances);
    }
  }

  /** What {@link #destroy} would delete now: every resource carrying the deployment's marks. */
  public Plan planDestroy(String deployment, String target, Provider provider) throws Exception {
    try (Session session = session(provider, target)) {
      return toPlan(deployment, target, destroyChanges(deployment, session));
    }
  }

  /**
   * Deletes every resource the deployment owns, and nothing else, each after everything that may use it
   * (the instances and the blob first, then the firewall and image they referenced).
   */
  public Plan destroy(String deployment, String target, Provider provider) throws Exception {
    Instant start = runtime.time().now();
    try (Session session = session(provider, target);
        HeldLock lock = HeldLock.take(session, deployment, target, lockTimeout)) {
      List<PlannedChange> changes = destroyChanges(deployment, session);
      Plan plan = toPlan(deployment, target, changes);
      listener.on(new ProgressEvent.PlanComputed(plan));
      Executor executor = new Executor(session);
      executor.run(StepGraph.of(changes));
      lock.requireHeld("destroy");
      executor.throwIfFailed(deployment, "destroy");
      listener.on(new ProgressEvent.Finished(deployment, "destroy", Duration.between(start, runtime.time().now())));
      return plan;
    }
  }

  /**
   * Breaks the deployment's lock whoever holds it, like Terraform's force-unlock: for a lock whose holder
   * is gone (killed) and will not be released. Returns the lease it removed; empty when there was none or
   * the target keeps no locks.
   */
  public Optional<LockLease> unlock(String deployment, Provider provider) throws Exception {
    DeploymentLocks locks = provider.locks().orElse(null);
    if (locks == null) {
      return Optional.empty();
    }
    try (Session session = session(provider, deployment)) {
      Optional<LockLease> broken = session.call("break the lock of " + deployment, () -> locks.breakLock(deployment));
      broken.ifPresent(lease -> listener.on(new ProgressEvent.Notice("lock " + deployment,
          "broke the lock held by " + lease.holder() + " since " + lease.since())));
      return broken;
    }
  }

  private Session session(Provider provider, String target) {
    return new Session(provider, target, options, listener, retry, runtime);
  }

  /** The provider's rules and the disk's room, checked before any cloud call (the lock's included). */
  private static void validate(DeploymentSpec spec, Provider provider) {
    if (spec.group().isPresent() && !provider.managesGroups()) {
      int machines = spec.group().get().initialSize();
      throw new InvalidSpecException("deployment.group", spec.group().get(), "is not something " + provider.name()
          + " keeps: run the machines yourself with", Fix.set("deployment.count", String.valueOf(machines)).java("count(" + machines + ")"));
    }
    provider.validate(spec);
    DiskImage.requireFits("deployment.diskGib", spec.unikernel(), spec.diskGib());
  }

  /**
   * What the deployment relies on (a network, a bucket), read before the lock is taken: a deployment that
   * cannot work fails without writing anything, its lock included.
   */
  private static void preflight(DeploymentSpec spec, Session session) throws Exception {
    session.call("check what " + spec.name() + " relies on", () -> {
      session.provider().preflight(spec);
      return null;
    });
  }

  /**
   * Single instances are replaced all at once, each beside its old self where its name allows it. A
   * managed group's instances, on a cloud that makes them one by one (OpenStack), are replaced in batches:
   * {@code maxSurge} (1 unless set) beside their old ones, or, where they cannot be, {@code maxUnavailable}
   * (1 unless set) in place, each batch after the one before answers. A cloud with groups of its own (GCE)
   * has no such instances: its group rolls itself.
   */
  private static Optional<Rollout> rolloutOf(DeploymentSpec spec) {
    return Optional.of(spec.group().map(group -> new Rollout(Math.max(1, group.maxSurge().orElse(1)),
            Math.max(1, group.maxUnavailable().orElse(1)), spec.health(), spec.healthTimeout(), true))
        .orElseGet(() -> Rollout.allAtOnce(spec.health(), spec.healthTimeout())));
  }

  private HeldLock preflightThenLock(DeploymentSpec spec, Session session) throws Exception {
    preflight(spec, session);
    return HeldLock.take(session, spec.name(), spec.target().describe(), lockTimeout);
  }

  /** The changes an apply of a spec makes, with the machine type its machines get. */
  private record Planned(List<PlannedChange> changes, ResolvedMachineType machineType) {
    /** Shows the resolved type, so the user sees what "at least" became; a group's machines get it too. */
    Plan plan(DeploymentSpec spec) {
      return Plan.builder().from(toPlan(spec.name(), spec.target().describe(), changes))
          .machineType(machineType.toString()).build();
    }
  }

  private Planned planChanges(DeploymentSpec spec, Session session) throws Exception {
    Provider provider = session.provider();
    ResolvedMachineType machineType = session.call("resolve machine type " + spec.machineType(),
        () -> provider.resolve(spec.machineType(), spec.diskGib()));
    // a group rolled with no surge replaces each instance in place, under the name it has
    boolean beside = spec.group().map(g -> g.maxSurge().orElse(1) > 0).orElse(true);
    return new Planned(new Planner(session).plan(spec.name(), provider.resources(spec, machineType), beside), machineType);
  }

  private List<PlannedChange> destroyChanges(String deployment, Session session) throws Exception {
    List<PlannedChange> changes = new ArrayList<>();
    for (ResourceDriver<ResourceSpec> driver : session.kinds().all()) {
      List<Observed> owned = session.retried("list " + driver.kind().label() + "s of " + deployment,
          () -> driver.listOwned(deployment));
      owned.stream().filter(o -> o.ownedBy(deployment)).forEach(o ->
          changes.add(new PlannedChange(Change.of(Action.DELETE, driver.kind(), o.name(), "destroy"), Optional.empty(), Optional.of(o))));
    }
    return changes;
  }

  /** The instances the apply made or kept, then the machines of every group it made or kept, each group's by name. */
  private static List<Observed> readInstances(Session session, List<PlannedChange> changes) throws Exception {
    List<ResourceRef> refs = changes.stream().filter(change -> change.desired().isPresent())
        .filter(change -> change.change().kind().equals(ResourceKind.INSTANCE)
            || session.kinds().members(change.change().kind()).isPresent())
        .map(change -> new ResourceRef(change.change().kind(), change.change().name())).toList();
    Map<ResourceRef, Observed> found = new NameReads(session).read(refs);
    List<Observed> instances = new ArrayList<>();
    for (ResourceRef ref : refs) {
      Observed observed = found.get(ref);
      if (observed == null) {
        throw new OperationFailedException(ref.kind().label() + " '" + ref.name() + "' vanished after it was created");
      }
      Optional<GroupMembers> group = session.kinds().members(ref.kind());
      if (group.isPresent()) {
        instances.addAll(session.retried("list the machines of " + ref.kind().label() + " " + ref.name(),
            () -> group.get().members(observed)));
      } else {
        instances.add(observed);
      }
    }
    return instances;
  }

  private static Plan toPlan(String deployment, String target, List<PlannedChange> changes) {
    return Plan.builder().deployment(deployment).target(target)
        .changes(changes.stream().map(PlannedChange::change).toList()).build();
  }
}
