package dev.hermitcloud.engine;

/** A long-running operation that ended in an error, or did not end before its deadline. */
public final class OperationFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  OperationFailedException(String message) {
    super(message);
  }
}
