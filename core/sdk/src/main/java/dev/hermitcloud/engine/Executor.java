package dev.hermitcloud.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.retry.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs phases of planned changes. Within a phase, chains run in parallel and the changes of a chain in
 * order; a failed change stops its chain, lets the other chains finish, and stops before the next phase.
 */
final class Executor {
  private final Session session;
  private final StepRunner runner;
  private final List<Change> completed = Collections.synchronizedList(new ArrayList<>());
  private final List<StepFailure> failures = Collections.synchronizedList(new ArrayList<>());

  Executor(Session session) {
    this.session = session;
    this.runner = new StepRunner(session);
  }

  /** Runs one phase; returns false if any change failed. */
  boolean phase(List<List<PlannedChange>> chains) throws InterruptedException {
    List<Session.Task<Void>> tasks = new ArrayList<>();
    for (List<PlannedChange> chain : chains) {
      if (!chain.isEmpty()) {
        tasks.add(() -> {
          for (PlannedChange step : chain) {
            if (!run(step)) {
              break;
            }
          }
          return null;
        });
      }
    }
    try {
      session.parallel(tasks);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("steps report their own failures", e);
    }
    return failures.isEmpty();
  }

  private boolean run(PlannedChange step) throws Exception {
    Change change = step.change();
    boolean visible = change.action() != Action.KEEP;
    Instant start = session.options().time().now();
    if (visible) {
      session.options().listener().on(new ProgressEvent.StepStarted(change));
    }
    try {
      runner.run(step);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      String message = e instanceof ResourceConflictException || e instanceof OperationFailedException
          ? e.getMessage() : Faults.describe(e);
      failures.add(new StepFailure(change, message, e));
      session.options().listener().on(new ProgressEvent.StepFailed(change, message));
      return false;
    }
    if (visible) {
      completed.add(change);
      session.options().listener().on(new ProgressEvent.StepFinished(change,
          Duration.between(start, session.options().time().now())));
    }
    return true;
  }

  /** Throws if any change failed. */
  void throwIfFailed(String deployment, String what) {
    if (!failures.isEmpty()) {
      throw new DeploymentException(deployment, what, List.copyOf(failures), List.copyOf(completed));
    }
  }
}
