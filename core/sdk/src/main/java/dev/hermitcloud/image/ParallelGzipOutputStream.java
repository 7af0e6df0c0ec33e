package dev.hermitcloud.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip on several cores, as one ordinary gzip member: the input is cut into fixed-size blocks, each block
 * is deflated on its own thread with the previous block's last 32 KiB as dictionary and ends on a byte
 * boundary (a sync flush), and the raw deflate streams are concatenated between one gzip header and one
 * trailer. Every decoder reads it; it is no larger than single-threaded output to within a few bytes a
 * block; and since each block's output depends only on its input and dictionary, the bytes are the
 * same for any number of threads.
 *
 * <p>{@link #finish()} completes the gzip stream without closing the underlying stream; {@link #close()}
 * finishes and closes it; {@link #abort()} stops the threads after a failure.
 */
final class ParallelGzipOutputStream extends OutputStream {
  static final int DEFAULT_BLOCK_SIZE = 256 * 1024;
  private static final int DICTIONARY = 32 * 1024;
  private static final byte[] HEADER = {
    0x1f, (byte) 0x8b, 8 /* deflate */, 0 /* no flags */, 0, 0, 0, 0 /* no mtime */, 0 /* no extra flags */,
    3 /* OS: Unix */
  };

  private final OutputStream out;
  private final int level;
  private final int maxPending;
  private final ExecutorService executor;
  private final ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private byte[] block;
  private int filled;
  private byte[] dictionary;
  private long length;
  private boolean finished;

  /** Compresses at {@code level} (1-9) on {@code threads} threads, in blocks of {@code blockSize} bytes. */
  ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize) throws IOException {
    if (blockSize < DICTIONARY) {
      throw new IllegalArgumentException("block size below 32 KiB");
    }
    this.out = out;
    this.level = level;
    this.maxPending = 2 * threads;
    this.block = new byte[blockSize];
    this.executor = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "hermit-gzip");
      thread.setDaemon(true);
      return thread;
    });
    out.write(HEADER);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] data, int offset, int count) throws IOException {
    if (finished) {
      throw new IOException("gzip stream already finished");
    }
    crc.update(data, offset, count);
    length += count;
    while (count > 0) {
      int n = Math.min(count, block.length - filled);
      System.arraycopy(data, offset, block, filled, n);
      filled += n;
      offset += n;
      count -= n;
      if (filled == block.length) {
        submit(false);
      }
    }
  }

  /** Writes the rest of the compressed data and the trailer; leaves the underlying stream open. */
  void finish() throws IOException {
    if (finished) {
      return;
    }
    try {
      submit(true);
      while (!pending.isEmpty()) {
        writeOldest();
      }
      byte[] trailer = new byte[8];
      littleEndian(trailer, 0, (int) crc.getValue());
      littleEndian(trailer, 4, (int) length);
      out.write(trailer);
      out.flush();
      finished = true;
    } finally {
      executor.shutdownNow();
    }
  }

  /** Stops the compression threads without completing the stream, after a failure. */
  void abort() {
    executor.shutdownNow();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }

  private void submit(boolean last) throws IOException {
    byte[] input = block;
    int size = filled;
    byte[] dict = dictionary;
    pending.add(executor.submit(() -> deflate(input, size, dict, last)));
    if (!last) {
      dictionary = Arrays.copyOfRange(input, size - DICTIONARY, size);
      block = new byte[block.length];
      filled = 0;
    }
    while (pending.size() > maxPending) {
      writeOldest();
    }
  }

  private byte[] deflate(byte[] input, int size, byte[] dict, boolean last) {
    Deflater deflater = new Deflater(level, true);
    try {
      if (dict != null) {
        deflater.setDictionary(dict);
      }
      deflater.setInput(input, 0, size);
      ByteArrayOutputStream compressed = new ByteArrayOutputStream(size / 2 + 64);
      byte[] buffer = new byte[64 * 1024];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          compressed.write(buffer, 0, deflater.deflate(buffer));
        }
      } else {
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
          compressed.write(buffer, 0, n);
        } while (n == buffer.length);
      }
      return compressed.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private void writeOldest() throws IOException {
    try {
      out.write(pending.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("compression failed", e.getCause());
    }
  }

  private static void littleEndian(byte[] into, int at, int value) {
    for (int i = 0; i < 4; i++) {
      into[at + i] = (byte) (value >>> (8 * i));
    }
  }
}
