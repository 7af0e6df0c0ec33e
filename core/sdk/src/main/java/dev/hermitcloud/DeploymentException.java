package dev.hermitcloud;

import dev.hermitcloud.plan.Change;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Apply or destroy could not finish. Every resource already created carries its ownership marks, so
 * running apply again continues where this run stopped, and destroy finds everything.
 */
public final class DeploymentException extends HermitException {
  private static final long serialVersionUID = 1L;

  /**
   * The advice a failed health check ends with, in Java; a tool with its own way to read the console
   * (the CLI's {@code hermit logs}) replaces this text with it.
   */
  public static final String READ_THE_CONSOLE = "Read the serial console (deployment.serialLog().read()) to see what the app printed";

  private final transient List<StepFailure> failures;
  private final transient List<Change> completed;

  public DeploymentException(String deployment, String what, List<StepFailure> failures, List<Change> completed) {
    super(what + " of deployment '" + deployment + "' failed: "
        + failures.stream().map(StepFailure::toString).collect(Collectors.joining("; "))
        + (completed.isEmpty() ? "" : " (" + completed.size() + " change(s) completed; re-run to continue)"),
        failures.isEmpty() ? null : failures.get(0).cause());
    this.failures = List.copyOf(failures);
    this.completed = List.copyOf(completed);
  }

  /** The changes that failed, each with the cloud's message. */
  public List<StepFailure> failures() {
    return failures;
  }

  /** The changes that completed before the run stopped. */
  public List<Change> completed() {
    return completed;
  }
}
