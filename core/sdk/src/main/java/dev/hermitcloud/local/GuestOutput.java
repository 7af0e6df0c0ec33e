package dev.hermitcloud.local;

import dev.hermitcloud.ConsoleText;

/**
 * Whether a guest has printed a line of its own on its serial console. GRUB's {@code Booting `name'}
 * does not count: on a KVM that hangs real boots it can be all there is, and it says nothing about
 * whether the kernel got to run.
 */
final class GuestOutput {
  private GuestOutput() {}

  /** Whether {@code transcript}, a raw serial log, holds a line that is neither blank nor GRUB's. */
  static boolean hasOwnLine(String transcript) {
    return ConsoleText.clean(transcript).lines().anyMatch(line -> !line.strip().startsWith("Booting `"));
  }
}
