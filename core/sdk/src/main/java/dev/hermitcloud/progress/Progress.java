package dev.hermitcloud.progress;

import java.io.PrintStream;

/** Ready-made progress listeners. */
public final class Progress {
  private Progress() {}

  /** Human-readable lines on standard error, with a progress bar for each upload. */
  public static ProgressListener console() {
    return console(System.err);
  }

  /** Human-readable lines on {@code out}, with a progress bar for each upload. */
  public static ProgressListener console(PrintStream out) {
    return new ConsoleProgress(out);
  }

  /** Every event as a log line through SLF4J (logger {@code dev.hermitcloud.progress}). */
  public static ProgressListener slf4j() {
    return new Slf4jProgress();
  }
}
