package dev.hermitcloud.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResolvedMachineType;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.DeploymentSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Plans, applies and destroys deployments on a connected {@link Provider}. The cloud is the only state:
 * resources are found by their deterministic names and ownership marks, so any run, even one killed
 * half-way, is completed by the next.
 */
public final class Engine {
  private final EngineOptions options;

  public Engine(EngineOptions options) {
    this.options = options;
  }

  /** What {@link #apply} would do now. Makes read calls only. */
  public Plan plan(DeploymentSpec spec, Provider provider) throws Exception {
    try (Session session = new Session(provider, spec.target().describe(), options)) {
      return toPlan(spec, planChanges(spec, session));
    }
  }

  /** Converges the cloud to {@code spec}, then waits for the health check if there is one. */
  public Applied apply(DeploymentSpec spec, Provider provider) throws Exception {
    Instant start = options.time().now();
    try (Session session = new Session(provider, spec.target().describe(), options)) {
      List<PlannedChange> changes = planChanges(spec, session);
      Plan plan = toPlan(spec, changes);
      options.listener().on(new ProgressEvent.PlanComputed(plan));

      Executor executor = new Executor(session);
      List<List<PlannedChange>> first = new ArrayList<>();
      first.add(select(changes, c -> c.desired().isPresent()
          && (c.change().kind() == ResourceKind.BLOB || c.change().kind() == ResourceKind.IMAGE)));
      first.add(select(changes, c -> c.desired().isPresent() && c.change().kind() == ResourceKind.FIREWALL));
      // Instances that are no longer wanted go while the image is prepared, one chain each.
      first.addAll(chains(select(changes, c -> c.desired().isEmpty() && c.change().kind() == ResourceKind.INSTANCE)));
      if (executor.phase(first)
          && executor.phase(chains(select(changes, c -> c.desired().isPresent() && c.change().kind() == ResourceKind.INSTANCE)))) {
        // Old images, blobs and firewalls go last: replaced instances may have used them until now.
        executor.phase(chains(select(changes, c -> c.desired().isEmpty() && c.change().kind() != ResourceKind.INSTANCE)));
      }
      executor.throwIfFailed(spec.name(), "apply");

      List<Observed> instances = readInstances(session, changes);
      if (spec.health().isPresent()) {
        new HealthWaiter(session).await(spec.name(), spec.health().get(), spec.healthTimeout(), instances);
      }
      options.listener().on(new ProgressEvent.Finished(spec.name(), "apply", Duration.between(start, options.time().now())));
      return new Applied(plan, instances);
    }
  }

  /** What {@link #destroy} would delete now: every resource carrying the deployment's marks. */
  public Plan planDestroy(String deployment, String target, Provider provider) throws Exception {
    try (Session session = new Session(provider, target, options)) {
      return toPlan(deployment, target, destroyChanges(deployment, session));
    }
  }

  /**
   * Deletes every resource the deployment owns, and nothing else: the instances (and the blob) first, then
   * the firewall and image they referenced.
   */
  public Plan destroy(String deployment, String target, Provider provider) throws Exception {
    Instant start = options.time().now();
    try (Session session = new Session(provider, target, options)) {
      List<PlannedChange> changes = destroyChanges(deployment, session);
      Plan plan = toPlan(deployment, target, changes);
      options.listener().on(new ProgressEvent.PlanComputed(plan));
      Executor executor = new Executor(session);
      // Instances first, with the blob (nothing references it once its image is imported); then what the
      // instances referenced, the firewall and the image, together.
      if (executor.phase(chains(select(changes, c -> c.change().kind() == ResourceKind.INSTANCE
          || c.change().kind() == ResourceKind.BLOB)))) {
        executor.phase(chains(select(changes, c -> c.change().kind() == ResourceKind.FIREWALL
            || c.change().kind() == ResourceKind.IMAGE)));
      }
      executor.throwIfFailed(deployment, "destroy");
      options.listener().on(new ProgressEvent.Finished(deployment, "destroy", Duration.between(start, options.time().now())));
      return plan;
    }
  }

  private List<PlannedChange> planChanges(DeploymentSpec spec, Session session) throws Exception {
    Provider provider = session.provider();
    provider.validate(spec);
    ResolvedMachineType machineType = session.call("resolve machine type " + spec.machineType(),
        () -> provider.resolve(spec.machineType(), spec.diskGib()));
    DesiredState desired = DesiredState.of(spec, provider, machineType);
    return new Planner(session).plan(spec.name(), desired.all());
  }

  private List<PlannedChange> destroyChanges(String deployment, Session session) throws Exception {
    List<PlannedChange> changes = new ArrayList<>();
    for (ResourceKind kind : ResourceKind.values()) {
      Optional<dev.hermitcloud.provider.ResourceDriver<ResourceSpec>> driver = Drivers.of(session.provider(), kind);
      if (driver.isEmpty()) {
        continue;
      }
      List<Observed> owned = session.call("list " + kind.label() + "s of " + deployment, () -> driver.get().listOwned(deployment));
      owned.stream().filter(o -> o.ownedBy(deployment)).sorted(Comparator.comparing(Observed::name)).forEach(o ->
          changes.add(new PlannedChange(Change.of(Action.DELETE, kind, o.name(), "destroy"), Optional.empty(), Optional.of(o))));
    }
    return changes;
  }

  private static List<Observed> readInstances(Session session, List<PlannedChange> changes) throws Exception {
    List<Session.Task<Observed>> reads = new ArrayList<>();
    for (PlannedChange change : changes) {
      if (change.change().kind() == ResourceKind.INSTANCE && change.desired().isPresent()) {
        String name = change.change().name();
        reads.add(() -> session.call("read instance " + name, () -> session.provider().instances().read(name))
            .orElseThrow(() -> new OperationFailedException("instance '" + name + "' vanished after it was created")));
      }
    }
    return session.parallel(reads);
  }

  private static List<PlannedChange> select(List<PlannedChange> changes, Predicate<PlannedChange> filter) {
    return changes.stream().filter(filter).toList();
  }

  private static List<List<PlannedChange>> chains(List<PlannedChange> changes) {
    return changes.stream().map(List::of).toList();
  }

  private static Plan toPlan(DeploymentSpec spec, List<PlannedChange> changes) {
    return toPlan(spec.name(), spec.target().describe(), changes);
  }

  private static Plan toPlan(String deployment, String target, List<PlannedChange> changes) {
    return Plan.builder().deployment(deployment).target(target)
        .changes(changes.stream().map(PlannedChange::change).toList()).build();
  }
}
