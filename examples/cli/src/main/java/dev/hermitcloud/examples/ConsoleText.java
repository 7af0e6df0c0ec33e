package dev.hermitcloud.examples;

import java.util.regex.Pattern;

/**
 * A serial console transcript made readable on a terminal or in a file: GRUB clears the screen and moves
 * the cursor with ANSI escape sequences, and kernels end lines with CR LF; both go, as do blank lines.
 *
 * <pre>{@code
 * ConsoleText.clean("\u001b[H\u001b[J  Booting `echo'\r\n\r\necho-kernel: link up\r\n")
 *     // "  Booting `echo'\necho-kernel: link up\n"
 * }</pre>
 */
public final class ConsoleText {
  /** CSI sequences (ESC [ parameters final-byte) and two-character ESC sequences. */
  private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");

  private ConsoleText() {}

  /** {@code transcript} without escape sequences, carriage returns and blank lines; each line ends with {@code \n}. */
  public static String clean(String transcript) {
    StringBuilder out = new StringBuilder();
    for (String line : ESCAPES.matcher(transcript).replaceAll("").replace("\r", "").split("\n")) {
      if (!line.isBlank()) {
        out.append(line.stripTrailing()).append('\n');
      }
    }
    return out.toString();
  }
}
