package dev.hermitcloud.progress;

/** One line of text per event, shared by the console and log renderers. */
final class EventText {
  private EventText() {}

  static String of(ProgressEvent event) {
    if (event instanceof ProgressEvent.PlanComputed e) {
      return e.plan().render().stripTrailing();
    } else if (event instanceof ProgressEvent.StepStarted e) {
      return "... " + e.change();
    } else if (event instanceof ProgressEvent.StepFinished e) {
      return "ok  " + e.change().action().name().toLowerCase(java.util.Locale.ROOT) + " " + e.change().kind().label()
          + " " + e.change().name() + " in " + e.took().toMillis() + " ms";
    } else if (event instanceof ProgressEvent.StepFailed e) {
      return "ERR " + e.change().kind().label() + " " + e.change().name() + ": " + e.message();
    } else if (event instanceof ProgressEvent.RetryScheduled e) {
      return "retry " + e.call() + " after attempt " + e.attempt() + " in " + e.delay().toMillis() + " ms (" + e.cause() + ")";
    } else if (event instanceof ProgressEvent.BytesTransferred e) {
      return "sent " + e.bytes() + (e.total() >= 0 ? "/" + e.total() : "") + " bytes of " + e.kind().label() + " " + e.name();
    } else if (event instanceof ProgressEvent.OperationPolled e) {
      return "wait " + e.kind().label() + " " + e.name() + ": " + e.status();
    } else if (event instanceof ProgressEvent.HealthCheckAttempt e) {
      return "health " + e.instance() + " #" + e.attempt() + (e.healthy() ? " ok: " : " not yet: ") + e.detail();
    } else if (event instanceof ProgressEvent.Notice e) {
      return "note " + e.subject() + ": " + e.message();
    } else if (event instanceof ProgressEvent.LockWaiting e) {
      return "lock " + e.deployment() + " is held by " + e.holder() + " since " + e.since() + " (renewed until "
          + e.expires() + "): waiting";
    } else if (event instanceof ProgressEvent.Finished e) {
      return e.what() + " of " + e.deployment() + " finished in " + e.took().toMillis() + " ms";
    }
    return event.toString();
  }
}
