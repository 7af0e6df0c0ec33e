package dev.hermitcloud;

/** A long-running operation that ended in an error, or did not end before its deadline. */
public final class OperationFailedException extends HermitException {
  private static final long serialVersionUID = 1L;

  public OperationFailedException(String message) {
    super(message, null);
  }
}
