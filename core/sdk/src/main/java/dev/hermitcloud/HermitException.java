package dev.hermitcloud;

/** A failure of the SDK that is not about the spec: a cloud call or connection that failed for good. */
public final class HermitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HermitException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Runs {@code work}, passing runtime exceptions through and wrapping checked ones with {@code what}. */
  static <T> T wrap(String what, Work<T> work) {
    try {
      return work.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HermitException(what + ": interrupted", e);
    } catch (Exception e) {
      throw new HermitException(what + ": " + dev.hermitcloud.retry.Faults.describe(e), e);
    }
  }

  /** Work that may throw a checked exception. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }
}
