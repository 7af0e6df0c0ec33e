package dev.hermitcloud.examples.cli;

import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import java.nio.file.Path;

/**
 * A {@code PATH[:ARGS]} command-line value: the file, and the command line after the first colon (which
 * may itself contain colons, as in {@code ldhermit.elf:-uart=io:0x3f8}).
 */
public record BootFileSpec(Path path, String args) {
  /** Parses {@code value}, naming {@code field} (such as {@code unikernel.loader}) when it has no path. */
  public static BootFileSpec parse(String field, String value) {
    int colon = value.indexOf(':');
    String path = colon < 0 ? value : value.substring(0, colon);
    if (path.isBlank()) {
      throw new InvalidSpecException(field + ".path", value, "has no path" + (colon < 0 ? "" : " before the colon")
          + ": write PATH[:ARGS], the file and then its command line, e.g. ldhermit.elf:-uart=io:0x3f8",
          Fix.set(field + ".path", "PATH" + value.substring(Math.max(colon, 0))));
    }
    return new BootFileSpec(Path.of(path), colon < 0 ? "" : value.substring(colon + 1));
  }
}
