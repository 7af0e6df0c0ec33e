package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.CallContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and reports them every few MiB and at the end. */
final class ProgressInputStream extends FilterInputStream {
  private static final long REPORT_EVERY = 8L << 20;

  private final CallContext context;
  private final long total;
  private long count;
  private long reported;

  /** @param total the expected size, or -1 if unknown */
  ProgressInputStream(InputStream in, CallContext context, long total) {
    super(in);
    this.context = context;
    this.total = total;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    advance(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    advance(n);
    return n;
  }

  private void advance(int n) {
    if (n > 0) {
      count += n;
    }
    if (n < 0 ? count > reported || count == 0 : count - reported >= REPORT_EVERY) {
      reported = count;
      context.bytesTransferred(count, total);
    }
  }
}
