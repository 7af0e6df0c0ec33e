package dev.hermitcloud;

/**
 * Every failure the SDK reports. Switch on the kind to decide what to do:
 *
 * <pre>{@code
 * try {
 *   deployment = definition.apply();
 * } catch (HermitException e) {
 *   switch (e) {
 *     case InvalidSpecException bad -> fixInput(bad.field(), bad.rule());     // before any cloud call
 *     case ResourceConflictException taken -> chooseAnotherName();             // nothing was changed
 *     case DeploymentException partial -> retryLater(partial.failures());      // re-run apply to continue
 *     default -> throw e;
 *   }
 * }
 * }</pre>
 * (a {@code switch} with patterns needs Java 21; on 17 use {@code instanceof}).
 */
public abstract sealed class HermitException extends RuntimeException
    permits InvalidSpecException, ResourceConflictException, DeploymentException, OperationFailedException,
        GaveUpException, CloudException, MissingHostToolException, HostException, DeploymentLockedException {
  private static final long serialVersionUID = 1L;

  HermitException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Runs {@code work}, passing the SDK's own exceptions through; other unchecked exceptions are bugs and
   * pass through too, and a checked one is this machine's (a file, a process): a {@link HostException}.
   */
  static <T> T wrap(String what, Work<T> work) {
    try {
      return work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostException(what + ": interrupted", e);
    } catch (Exception e) {
      throw new HostException(what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  /** Work that may throw a checked exception. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }
}
