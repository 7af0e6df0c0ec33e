package dev.hermitcloud.examples.cli;

import dev.hermitcloud.spec.MachineType;

/** A machine type on the command line: a name ({@code m1.small}), or {@code CPUS:MIB} for the smallest that fits. */
public final class MachineTypeOption {
  private MachineTypeOption() {}

  public static MachineType parse(String value) {
    int colon = value.indexOf(':');
    if (colon > 0 && value.substring(0, colon).chars().allMatch(Character::isDigit)) {
      return MachineType.atLeast(Integer.parseInt(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1)));
    }
    return MachineType.named(value);
  }
}
