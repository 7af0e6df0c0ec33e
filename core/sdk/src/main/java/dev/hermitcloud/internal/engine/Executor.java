package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.OperationFailedException;
import dev.hermitcloud.ResourceConflictException;
import dev.hermitcloud.StepFailure;
import dev.hermitcloud.internal.retry.Faults;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a {@link StepGraph}: every step as soon as the steps it waits for have succeeded, their calls
 * within the session's {@link AdaptiveLimit}. A failed step is reported and the steps that wait for it are skipped; steps
 * that do not depend on it still run, so a run does as much as it safely can and the next one
 * continues from there.
 */
final class Executor {
  private final Session session;
  private final StepRunner runner;
  private final List<Change> completed = Collections.synchronizedList(new ArrayList<>());
  private final List<StepFailure> failures = Collections.synchronizedList(new ArrayList<>());
  /** When each replacement's first step began: its StepFinished spans all of its steps, not just the last. */
  private final Map<Change, Instant> replacementsBegun = new ConcurrentHashMap<>();

  private final Optional<Rollout> rollout;

  Executor(Session session) {
    this(session, Optional.empty());
  }

  /** An executor for a graph made with {@code rollout}, whose {@link StepGraph.Phase#SERVES} steps it runs. */
  Executor(Session session, Optional<Rollout> rollout) {
    this.session = session;
    this.runner = new StepRunner(session);
    this.rollout = rollout;
  }

  /** Runs every step that can run; returns whether all succeeded. */
  boolean run(List<StepGraph.Step> steps) throws InterruptedException {
    Map<StepGraph.Step, CompletableFuture<Boolean>> futures = new IdentityHashMap<>();
    for (StepGraph.Step step : steps) {
      future(step, futures);
    }
    try {
      CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("steps report their own failures", e.getCause());
    }
    return failures.isEmpty();
  }

  private CompletableFuture<Boolean> future(StepGraph.Step step, Map<StepGraph.Step, CompletableFuture<Boolean>> futures) {
    CompletableFuture<Boolean> existing = futures.get(step);
    if (existing != null) {
      return existing;
    }
    List<CompletableFuture<Boolean>> before = step.after().stream().map(s -> future(s, futures)).toList();
    CompletableFuture<Boolean> future = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
        .thenApplyAsync(ignored -> before.stream().allMatch(CompletableFuture::join) && run(step), session.executor());
    futures.put(step, future);
    return future;
  }

  /** Runs one step; false if it failed (the failure is recorded and reported). */
  private boolean run(StepGraph.Step step) {
    PlannedChange planned = step.change();
    Change change = planned.change();
    boolean visible = change.action() != Action.KEEP;
    // a replacement is reported once: started with its first step, finished with its last
    StepGraph.Phase first = planned.createsFirst() ? StepGraph.Phase.READY : StepGraph.Phase.DELETE;
    StepGraph.Phase last = planned.createsFirst() ? StepGraph.Phase.DELETE : StepGraph.Phase.READY;
    boolean starts = step.phase() == first || change.action() != Action.REPLACE;
    boolean finishes = step.phase() == last || change.action() == Action.DELETE;
    Instant start = session.runtime().time().now();
    if (change.action() == Action.REPLACE && starts) {
      replacementsBegun.put(change, start);
    }
    if (visible && starts) {
      session.listener().on(new ProgressEvent.StepStarted(change));
    }
    try {
      if (step.phase() == StepGraph.Phase.DELETE) {
        runner.delete(planned.current().orElseThrow());
      } else if (step.phase() == StepGraph.Phase.SERVES) {
        serves(step);
      } else {
        switch (change.action()) {
          case CREATE, REPLACE -> runner.create(planned.desired().orElseThrow());
          case UPDATE -> runner.update(planned.current().orElseThrow(), planned.desired().orElseThrow());
          case KEEP -> runner.finish(planned.current().orElseThrow(), planned.desired().orElseThrow());
          case DELETE -> throw new IllegalStateException("a delete has no ready step");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    } catch (Exception e) {
      String message = e instanceof ResourceConflictException || e instanceof OperationFailedException
          ? e.getMessage() : Faults.describe(e);
      failures.add(new StepFailure(change, message, e));
      session.listener().on(new ProgressEvent.StepFailed(change, message));
      return false;
    }
    if (visible && finishes) {
      completed.add(change);
      Instant begun = change.action() == Action.REPLACE ? replacementsBegun.getOrDefault(change, start) : start;
      session.listener().on(new ProgressEvent.StepFinished(change, Duration.between(begun, session.runtime().time().now())));
    }
    return true;
  }

  /**
   * Waits until the new (or kept) instance's app answers. If it does not, the old machines stay: a
   * replacement made beside its old instance is deleted again, with what was attached to it, so that
   * the next apply starts from the old machine alone; in a group the instances of later batches keep
   * theirs.
   */
  private void serves(StepGraph.Step step) throws Exception {
    ResourceSpec instance = step.change().desired().orElseThrow();
    Rollout r = rollout.orElseThrow(() -> new IllegalStateException("a serves step without a rollout"));
    Observed now = readNow(instance).orElseThrow(() ->
        new OperationFailedException("instance '" + instance.name() + "' vanished after it was created"));
    try {
      new HealthWaiter(session).await(instance.deployment(), r.health().orElseThrow(), r.timeout(), List.of(now));
    } catch (DeploymentException e) {
      String why = e.failures().get(0).message();
      PlannedChange planned = step.change();
      if (planned.createsFirst()) {
        removeAgain(step.unit());
        String old = planned.current().orElseThrow().name();
        throw new OperationFailedException("the replacement of " + old + " stopped: its successor " + instance.name()
            + " " + why + " " + instance.name() + " is deleted again and " + old + " keeps running the earlier version"
            + (r.gatesInPlace() ? ", as do the instances not yet replaced" : "") + "; fix the app and apply again");
      }
      if (planned.change().action() != Action.REPLACE) {
        throw new OperationFailedException(instance.name() + " " + why + " What an earlier apply left beside it"
            + " keeps running; fix the app and apply again");
      }
      throw new OperationFailedException("the rollout stopped at " + instance.name() + ": " + why
          + " The instances not yet replaced keep running the earlier version; fix the app and apply again");
    }
  }

  /** Deletes what a failed unit made: what is attached first, then the instance. */
  private void removeAgain(List<PlannedChange> unit) throws Exception {
    List<PlannedChange> made = new ArrayList<>(unit.stream().filter(m -> m.desired().isPresent()).toList());
    Collections.reverse(made);
    for (PlannedChange member : made) {
      Optional<Observed> observed = readNow(member.desired().orElseThrow());
      if (observed.isPresent()) {
        runner.delete(observed.get());
      }
    }
  }

  private Optional<Observed> readNow(ResourceSpec spec) throws Exception {
    return session.retried("read " + spec.kind().label() + " " + spec.name(),
        () -> session.kinds().require(spec.kind()).read(spec.name()));
  }

  /** Throws if any step failed. */
  void throwIfFailed(String deployment, String what) {
    if (!failures.isEmpty()) {
      throw new DeploymentException(deployment, what, List.copyOf(failures), List.copyOf(completed));
    }
  }
}
