package dev.hermitcloud.progress;

import java.io.PrintStream;

/** Ready-made progress listeners. */
public final class Progress {
  private Progress() {}

  /**
   * Human-readable lines on standard error, each upload summed up in one line (size, time, rate) with a
   * live bar before it when this process runs on a terminal.
   */
  public static ProgressListener console() {
    return console(System.err);
  }

  /** Human-readable lines on {@code out}; live upload bars when this process runs on a terminal. */
  public static ProgressListener console(PrintStream out) {
    return console(out, System.console() != null);
  }

  /**
   * Human-readable lines on {@code out}; {@code liveBars} false leaves only the line that ends each upload,
   * for logs, CI and pipes, where a bar redrawn with carriage returns is noise:
   * {@code Progress.console(System.err, false)}.
   */
  public static ProgressListener console(PrintStream out, boolean liveBars) {
    return new ConsoleProgress(out, liveBars);
  }

  /** Every event as a log line through SLF4J (logger {@code dev.hermitcloud.progress}). */
  public static ProgressListener slf4j() {
    return new Slf4jProgress();
  }
}
