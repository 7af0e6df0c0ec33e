package dev.hermitcloud.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.List;

/**
 * The classic ext2 block map of a file: 12 direct pointers in the inode, then single, double and triple
 * indirect blocks of 1024 pointers each. Indirect blocks are filled left to right, so a file of n data
 * blocks needs exactly {@link #indirectBlocks(long)} of them.
 */
final class Ext2BlockMap {
  static final int DIRECT = 12;
  static final int POINTERS = Ext2Geometry.BLOCK_SIZE / 4;

  /** Receives each indirect block as it is filled. */
  interface Sink {
    void block(long blockNumber, byte[] content);
  }

  private Ext2BlockMap() {}

  /** Indirect blocks needed to map {@code dataBlocks} blocks. */
  static long indirectBlocks(long dataBlocks) {
    long left = dataBlocks - DIRECT;
    long total = 0;
    long capacity = POINTERS;
    for (int level = 1; level <= 3 && left > 0; level++, capacity *= POINTERS) {
      long mapped = Math.min(left, capacity);
      // A tree of this level holds ceil(mapped / 1024^k) blocks at each depth k.
      long span = 1;
      for (int depth = 1; depth <= level; depth++) {
        span *= POINTERS;
        total += (mapped + span - 1) / span;
      }
      left -= mapped;
    }
    if (left > 0) {
      throw new IllegalArgumentException("file too large for ext2: " + dataBlocks + " blocks");
    }
    return total;
  }

  /**
   * The inode's 15 block pointers for data blocks {@code dataRuns} (runs of {start, length}), taking
   * indirect blocks from {@code indirect} and handing each filled one to {@code sink}.
   */
  static int[] build(List<long[]> dataRuns, Iterator<Long> indirect, Sink sink) {
    BlockCursor data = new BlockCursor(dataRuns);
    int[] pointers = new int[15];
    for (int i = 0; i < DIRECT && data.hasNext(); i++) {
      pointers[i] = (int) data.next();
    }
    for (int level = 1; level <= 3 && data.hasNext(); level++) {
      pointers[DIRECT - 1 + level] = (int) fill(level, data, indirect, sink);
    }
    if (data.hasNext()) {
      throw new IllegalArgumentException("file too large for ext2");
    }
    return pointers;
  }

  private static long fill(int level, BlockCursor data, Iterator<Long> indirect, Sink sink) {
    long self = indirect.next();
    ByteBuffer block = ByteBuffer.allocate(Ext2Geometry.BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < POINTERS && data.hasNext(); i++) {
      block.putInt((int) (level == 1 ? data.next() : fill(level - 1, data, indirect, sink)));
    }
    sink.block(self, block.array());
    return self;
  }

  /** Walks runs of blocks one block at a time. */
  private static final class BlockCursor {
    private final Iterator<long[]> runs;
    private long next;
    private long left;

    BlockCursor(List<long[]> runs) {
      this.runs = runs.iterator();
    }

    boolean hasNext() {
      while (left == 0 && runs.hasNext()) {
        long[] run = runs.next();
        next = run[0];
        left = run[1];
      }
      return left > 0;
    }

    long next() {
      if (!hasNext()) {
        throw new IllegalStateException("no more blocks");
      }
      left--;
      return next++;
    }
  }
}
