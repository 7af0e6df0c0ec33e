package dev.hermitcloud.image;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads any range of a {@link SparseDisk}, holes as zeros, opening each source file once and checking
 * that it still has the size it had when the image was planned.
 */
final class DiskReader implements Closeable {
  private final List<Extent> extents;
  private final Map<Path, FileChannel> channels = new HashMap<>();

  DiskReader(SparseDisk disk) {
    this.extents = disk.extents();
  }

  /** Fills {@code length} bytes of {@code into}, from {@code intoOffset}, with the disk's bytes at {@code diskOffset}. */
  void read(long diskOffset, byte[] into, int intoOffset, int length) throws IOException {
    long end = diskOffset + length;
    long at = diskOffset;
    for (int i = firstEndingAfter(diskOffset); i < extents.size() && extents.get(i).offset() < end; i++) {
      Extent extent = extents.get(i);
      long from = Math.max(at, extent.offset());
      long to = Math.min(end, extent.end());
      Arrays.fill(into, intoOffset + (int) (at - diskOffset), intoOffset + (int) (from - diskOffset), (byte) 0);
      copy(extent.content(), extent.contentOffset() + (from - extent.offset()), into,
          intoOffset + (int) (from - diskOffset), (int) (to - from));
      at = to;
    }
    Arrays.fill(into, intoOffset + (int) (at - diskOffset), intoOffset + length, (byte) 0);
  }

  /** An open channel on a source file, checked against its planned size. */
  FileChannel channel(Content.FileBytes file) throws IOException {
    FileChannel channel = channels.get(file.path());
    if (channel == null) {
      channel = FileChannel.open(file.path(), StandardOpenOption.READ);
      channels.put(file.path(), channel);
      if (channel.size() != file.size()) {
        throw new IOException(file.path() + " changed size since the image was planned (" + file.size()
            + " -> " + channel.size() + " bytes): build the image again");
      }
    }
    return channel;
  }

  private void copy(Content content, long from, byte[] into, int intoOffset, int length) throws IOException {
    if (content instanceof Content.Bytes bytes) {
      System.arraycopy(bytes.data(), (int) from, into, intoOffset, length);
      return;
    }
    FileChannel channel = channel((Content.FileBytes) content);
    ByteBuffer buffer = ByteBuffer.wrap(into, intoOffset, length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, from + buffer.position() - intoOffset) < 0) {
        throw new EOFException(((Content.FileBytes) content).path() + " got shorter while being read");
      }
    }
  }

  private int firstEndingAfter(long diskOffset) {
    int low = 0;
    int high = extents.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (extents.get(mid).end() <= diskOffset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FileChannel channel : channels.values()) {
      try {
        channel.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    channels.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
