package dev.hermitcloud.openstack;

import dev.hermitcloud.image.DiskImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;

/**
 * A disk image's qcow2 form as a stream, written by a thread of its own as it is read, so the image is
 * never held whole in memory. A failure to write it surfaces as the reader's IOException, never as a
 * short image.
 */
final class Qcow2Stream extends InputStream {
  private static final int PIPE_BYTES = 1 << 20;

  private final PipedInputStream in;
  private final Thread writer;
  private volatile Throwable failure;

  Qcow2Stream(DiskImage image) throws IOException {
    this.in = new PipedInputStream(PIPE_BYTES);
    PipedOutputStream out = new PipedOutputStream(in);
    this.writer = new Thread(() -> {
      try (out) {
        image.writeQcow2(out);
      } catch (Throwable e) {
        failure = e;
      }
    }, "hermit-qcow2-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public int read() throws IOException {
    return checked(in.read());
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return checked(in.read(buffer, offset, length));
  }

  private int checked(int n) throws IOException {
    if (n < 0 && failure != null) {
      throw new IOException("writing the qcow2 image failed: " + failure, failure);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close(); // a writer still blocked on the pipe gets "Pipe closed" and ends
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
