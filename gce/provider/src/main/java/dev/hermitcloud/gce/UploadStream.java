package dev.hermitcloud.gce;

import dev.hermitcloud.provider.CallContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The image builder's output fed into an upload channel, counting bytes. Progress is reported once per
 * chunk: the channel sends a request each time its chunk buffer fills, so the counts track the upload.
 * Closing this stream does not close the channel (closing the channel commits the object).
 */
final class UploadStream extends OutputStream {
  private final WritableByteChannel channel;
  private final long reportEvery;
  private final CallContext context;
  private long bytes;
  private long reported;

  UploadStream(WritableByteChannel channel, long reportEvery, CallContext context) {
    this.channel = channel;
    this.reportEvery = reportEvery;
    this.context = context;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    bytes += len;
    if (bytes - reported >= reportEvery) {
      reported = bytes;
      context.bytesTransferred(bytes, -1);
    }
  }

  /** Reports the final count, once the upload is committed. */
  void finished() {
    context.bytesTransferred(bytes, bytes);
  }
}
