package dev.hermitcloud.examples.cli;

import java.nio.file.Path;

/**
 * A {@code PATH[:ARGS]} command-line value: the file, and the command line after the first colon (which
 * may itself contain colons, as in {@code ldhermit.elf:-uart=io:0x3f8}).
 */
public record BootFileSpec(Path path, String args) {
  public static BootFileSpec parse(String value) {
    int colon = value.indexOf(':');
    return colon < 0 ? new BootFileSpec(Path.of(value), "")
        : new BootFileSpec(Path.of(value.substring(0, colon)), value.substring(colon + 1));
  }
}
