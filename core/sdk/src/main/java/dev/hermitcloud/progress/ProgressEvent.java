package dev.hermitcloud.progress;

import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import java.time.Duration;

/** Something that happened while planning, applying or destroying. Never carries credentials. */
public sealed interface ProgressEvent {
  /** The plan is known; apply starts executing it next. */
  record PlanComputed(Plan plan) implements ProgressEvent {}

  /** A change started executing. */
  record StepStarted(Change change) implements ProgressEvent {}

  /**
   * A change finished, including any long-running operation it waited for; a replacement's {@code took}
   * runs from its first step to its last (the new machine, its health check, the old machine's delete).
   */
  record StepFinished(Change change, Duration took) implements ProgressEvent {}

  /** A change failed for good (after retries). */
  record StepFailed(Change change, String message) implements ProgressEvent {}

  /** A call failed with a retryable fault and will be tried again after {@code delay}. */
  record RetryScheduled(String call, int attempt, Duration delay, String cause) implements ProgressEvent {}

  /** Bytes of a resource sent so far; {@code total} is -1 when not known in advance. */
  record BytesTransferred(ResourceKind kind, String name, long bytes, long total) implements ProgressEvent {}

  /** A long-running operation was polled and is not finished yet. */
  record OperationPolled(ResourceKind kind, String name, String status) implements ProgressEvent {}

  /** One probe of a health check. */
  record HealthCheckAttempt(String instance, String target, int attempt, boolean healthy, String detail)
      implements ProgressEvent {}

  /** Something worth telling a person, such as a fallback the SDK chose: {@code subject} is what it concerns. */
  record Notice(String subject, String message) implements ProgressEvent {}

  /**
   * Another writer holds the deployment's lock and this run waits for it: {@code holder} names the user,
   * host, process and run, {@code since} when it took the lock and {@code expires} until when it promised
   * to renew it. Sent when the wait starts and whenever the holder changes. A typed event rather than a
   * {@link Notice}, so a program can show it, or give up, from its fields.
   */
  record LockWaiting(String deployment, String holder, java.time.Instant since, java.time.Instant expires)
      implements ProgressEvent {}

  /** Apply or destroy finished. */
  record Finished(String deployment, String what, Duration took) implements ProgressEvent {}
}
