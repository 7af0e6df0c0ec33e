package dev.hermitcloud;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial console transcript made readable on a terminal or in a file: GRUB clears the screen and moves
 * the cursor with escape sequences ({@code ESC[H ESC[J ESC[1;1H}), and kernels end lines with CR LF. Escape
 * sequences (CSI, OSC and the two-character ones) go, CR LF becomes LF, a lone CR goes, and so do the blank
 * lines that are left where the screen was cleared. The Java API's {@code Deployment.serialLog()} stays raw.
 *
 * <pre>{@code
 * ConsoleText.clean("\u001b[H\u001b[J  Booting `echo'\r\n\r\necho-kernel: link up\r\n")
 *     // "  Booting `echo'\necho-kernel: link up\n"
 *
 * ConsoleText.Cleaner cleaner = new ConsoleText.Cleaner(System.out::print);  // for text that arrives in pieces
 * d.serialLog().follow(cleaner::accept);
 * }</pre>
 */
public final class ConsoleText {
  /**
   * CSI (ESC [ parameters intermediates final), OSC (ESC ] text, ended by BEL or ESC \), the other
   * ESC sequences (intermediates then a final byte), and the 8-bit CSI.
   */
  private static final Pattern ESCAPES = Pattern.compile(
      "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(\u0007|\u001b\\\\)|\u001b[ -/]*[0-~]|\u009b[0-?]*[ -/]*[@-~]");
  /** The start of an escape sequence that may finish in the next piece. */
  private static final Pattern UNFINISHED = Pattern.compile("(\u001b(\\[[0-?]*[ -/]*|\\][^\u0007\u001b]*\u001b?|[ -/]*)|\u009b[0-?]*[ -/]*)$");

  private ConsoleText() {}

  /** {@code transcript} for people: without escape sequences, carriage returns and blank lines; lines end with {@code \n}. */
  public static String clean(String transcript) {
    StringBuilder out = new StringBuilder();
    Cleaner cleaner = new Cleaner(out::append);
    cleaner.accept(transcript);
    cleaner.finish();
    return out.toString();
  }

  /**
   * Cleans text that arrives in pieces, as a followed console does: a piece may end inside an escape
   * sequence or a line, so complete lines are passed on and the rest waits for the next piece.
   */
  public static final class Cleaner implements Consumer<String> {
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();

    public Cleaner(Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public void accept(String piece) {
      pending.append(piece);
      int end = pending.lastIndexOf("\n") + 1;
      if (end > 0) {
        String lines = pending.substring(0, end);
        pending.delete(0, end);
        sink.accept(cleanLines(lines));
      }
    }

    /** Passes on what is left, as a last line. */
    public void finish() {
      Matcher unfinished = UNFINISHED.matcher(pending);
      String rest = unfinished.find() ? pending.substring(0, unfinished.start()) : pending.toString();
      pending.setLength(0);
      if (!rest.isEmpty()) {
        sink.accept(cleanLines(rest + "\n"));
      }
    }

    private static String cleanLines(String text) {
      StringBuilder out = new StringBuilder();
      for (String line : ESCAPES.matcher(text).replaceAll("").replace("\r", "").split("\n")) {
        if (!line.isBlank()) {
          out.append(line.stripTrailing()).append('\n');
        }
      }
      return out.toString();
    }
  }
}
