package dev.hermitcloud.provider;

/** Where a long-running operation stands. */
public sealed interface OperationStatus {
  /** Still running; {@code detail} is the cloud's status word or progress. */
  record Running(String detail) implements OperationStatus {}

  /** Finished successfully. */
  record Done() implements OperationStatus {}

  /** Finished with an error; {@code message} is the cloud's own, with its error code. */
  record Failed(String message) implements OperationStatus {}

  static OperationStatus running(String detail) {
    return new Running(detail);
  }

  static OperationStatus done() {
    return new Done();
  }

  static OperationStatus failed(String message) {
    return new Failed(message);
  }
}
