package dev.hermitcloud;

/**
 * Something on this machine failed: a file or directory that cannot be read or written, a process that
 * would not start. Retrying does not help; the message names the path or program.
 */
public final class HostException extends HermitException {
  private static final long serialVersionUID = 1L;

  public HostException(String message, Throwable cause) {
    super(message, cause);
  }
}
