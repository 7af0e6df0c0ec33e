package dev.hermitcloud;

import dev.hermitcloud.plan.Change;

/** A change that failed, with the cloud's message. */
public record StepFailure(Change change, String message, Throwable cause) {
  @Override
  public String toString() {
    return change.action().name().toLowerCase(java.util.Locale.ROOT) + " " + change.kind().label() + " '"
        + change.name() + "': " + message;
  }
}
