package dev.hermitcloud.progress;

import java.util.Locale;

/**
 * One upload as a person reads it: a live bar while it runs and one line when it is done, with sizes in
 * the unit that suits them (KiB for a small archive, MiB or GiB for a disk).
 *
 * <pre>
 * upload image echo-1a2b [=========>           ]  41.0/96.0 MiB  12.3 MiB/s
 * upload image echo-1a2b: 96.0 MiB in 7.8 s (12.3 MiB/s)
 * </pre>
 * When the size is not known in advance (a compressed or qcow2 stream), the live line shows what has been sent.
 */
final class Transfer {
  private static final int BAR_WIDTH = 24;
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private final String label;
  private final long startNanos;
  private long bytes;
  private long total = -1;
  private long nowNanos;

  Transfer(String label, long startNanos) {
    this.label = label;
    this.startNanos = startNanos;
    this.nowNanos = startNanos;
  }

  void update(long bytes, long total, long nowNanos) {
    this.bytes = bytes;
    this.total = total;
    this.nowNanos = nowNanos;
  }

  /** The live line. */
  String bar() {
    if (total <= 0) {
      return label + "  " + size(bytes) + " sent  " + rate();
    }
    int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * bytes / total);
    String bar = "=".repeat(filled) + (filled < BAR_WIDTH ? ">" + " ".repeat(BAR_WIDTH - filled - 1) : "");
    return label + " [" + bar + "]  " + sizes(bytes, total) + "  " + rate();
  }

  /** The line left when the transfer is over. */
  String summary() {
    return label + ": " + size(bytes) + " in " + String.format(Locale.ROOT, "%.1f s", seconds()) + " (" + rate() + ")";
  }

  private double seconds() {
    return (nowNanos - startNanos) / 1e9;
  }

  private String rate() {
    // under a millisecond the rate says nothing: the data fitted in one write
    double seconds = Math.max(seconds(), 0.001);
    return size((long) (bytes / seconds)) + "/s";
  }

  /** {@code bytes} in the largest unit that keeps the number at least 1, e.g. "52.3 KiB". */
  static String size(long bytes) {
    int unit = unit(bytes);
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", bytes / Math.pow(1024, unit), UNITS[unit]);
  }

  /** Both in the unit of {@code total}, e.g. "41.0/96.0 MiB". */
  private static String sizes(long bytes, long total) {
    int unit = unit(total);
    if (unit == 0) {
      return bytes + "/" + total + " B";
    }
    double scale = Math.pow(1024, unit);
    return String.format(Locale.ROOT, "%.1f/%.1f %s", bytes / scale, total / scale, UNITS[unit]);
  }

  private static int unit(long bytes) {
    int unit = 0;
    while (unit < UNITS.length - 1 && bytes >= 1024L << (10 * unit)) {
      unit++;
    }
    return unit;
  }
}
