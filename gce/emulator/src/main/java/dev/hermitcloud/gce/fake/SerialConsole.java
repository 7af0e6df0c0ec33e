package dev.hermitcloud.gce.fake;

import java.nio.charset.StandardCharsets;

/**
 * An instance's serial port 1. Keeps the newest 1 MiB like GCE; reads honour the API's {@code
 * start}: an offset, negative for "the last N bytes", adjusted up to the oldest byte retained, and
 * past the end giving empty contents with {@code next == start}.
 */
final class SerialConsole {
  static final int RETAINED_BYTES = 1 << 20;

  /** What a read returns: {@code contents}, the actual {@code start} and {@code next}. */
  record Slice(String contents, long start, long next) {}

  private byte[] retained = new byte[0];
  private long total;

  synchronized void append(String text) {
    byte[] add = text.getBytes(StandardCharsets.UTF_8);
    int keep = (int) Math.min(RETAINED_BYTES, (long) retained.length + add.length);
    byte[] next = new byte[keep];
    int fromOld = Math.max(0, keep - add.length);
    System.arraycopy(retained, retained.length - fromOld, next, 0, fromOld);
    System.arraycopy(add, add.length - (keep - fromOld), next, fromOld, keep - fromOld);
    retained = next;
    total += add.length;
  }

  synchronized Slice read(long requestedStart) {
    long oldest = total - retained.length;
    long start = requestedStart < 0 ? Math.max(oldest, total + requestedStart) : requestedStart;
    start = Math.max(start, oldest);
    if (start >= total) {
      return new Slice("", start, start);
    }
    int from = (int) (start - oldest);
    String contents =
        new String(retained, from, retained.length - from, StandardCharsets.UTF_8);
    return new Slice(contents, start, total);
  }
}
