package dev.hermitcloud.gce.fake;

/**
 * The state change behind an operation. Called with the compute store locked, so a client that sees
 * the operation DONE also sees the change.
 */
interface OperationWork {
  /**
   * Slow preparation (e.g. reading an uploaded archive) run without the lock just before {@link
   * #complete()}; skipped when an injected failure ends the operation.
   */
  default void prepare() {}

  /** The operation moved to RUNNING (e.g. an instance goes STAGING). */
  default void running() {}

  /** Applies the change; a non-null result fails the operation with that error. */
  OperationError complete();

  /** An injected failure ends the operation instead: undo or mark what {@code insert} showed. */
  void fail(OperationError error);
}
