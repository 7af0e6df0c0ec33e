package dev.hermitcloud.local;

import dev.hermitcloud.ConsoleText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether a guest has printed a line of its own on its serial console. GRUB's {@code Booting `name'}
 * does not count: on a KVM that hangs real boots it can be all there is, and it says nothing about
 * whether the kernel got to run.
 */
final class GuestOutput {
  private static final Duration POLL = Duration.ofMillis(100);

  private GuestOutput() {}

  /** Whether {@code transcript}, a raw serial log, holds a line that is neither blank nor GRUB's. */
  static boolean hasOwnLine(String transcript) {
    return ConsoleText.clean(transcript).lines().anyMatch(line -> !line.strip().startsWith("Booting `"));
  }

  /** Waits up to {@code timeout} for {@code serialLog} to hold a line of the guest's own; false if it never does. */
  static boolean awaitOwnLine(Path serialLog, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      if (Files.exists(serialLog) && hasOwnLine(Files.readString(serialLog, StandardCharsets.ISO_8859_1))) {
        return true;
      }
      Thread.sleep(POLL.toMillis());
    } while (System.nanoTime() < deadline);
    return false;
  }
}
