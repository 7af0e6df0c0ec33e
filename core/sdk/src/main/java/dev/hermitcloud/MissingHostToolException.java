package dev.hermitcloud;

import java.util.Objects;

/**
 * A program or file the SDK takes from this machine is not installed. The message names the Debian
 * package that provides it.
 */
public final class MissingHostToolException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final String tool;
  private final String debianPackage;

  public MissingHostToolException(String tool, String debianPackage, String detail) {
    super(tool + " is not installed (" + detail + "): install the Debian package " + debianPackage
        + " (apt-get install " + debianPackage + ")", null);
    this.tool = Objects.requireNonNull(tool, "tool");
    this.debianPackage = Objects.requireNonNull(debianPackage, "debianPackage");
  }

  /** The missing program or file. */
  public String tool() {
    return tool;
  }

  /** The Debian package that provides it. */
  public String debianPackage() {
    return debianPackage;
  }
}
