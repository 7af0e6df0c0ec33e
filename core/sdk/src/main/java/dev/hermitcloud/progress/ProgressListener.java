package dev.hermitcloud.progress;

/**
 * Receives progress events. Called from the engine's worker threads, possibly concurrently: an
 * implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {
  void on(ProgressEvent event);

  /** Ignores every event. */
  static ProgressListener none() {
    return event -> {};
  }

  /** Sends every event to this listener, then to {@code next}. */
  default ProgressListener andThen(ProgressListener next) {
    return event -> {
      on(event);
      next.on(event);
    };
  }
}
