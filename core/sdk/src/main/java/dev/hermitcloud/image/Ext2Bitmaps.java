package dev.hermitcloud.image;

import java.util.HashMap;
import java.util.Map;

/**
 * Block and inode bitmap blocks. With {@link Ext2Allocator} every group's used blocks and inodes are a
 * prefix, so a bitmap is its first {@code used} bits set, plus the bits past the group's {@code count}
 * blocks or inodes, which ext2 requires to be set too. Equal bitmaps (most empty groups) share one array.
 */
final class Ext2Bitmaps {
  private final Map<Long, byte[]> shared = new HashMap<>();

  byte[] get(int used, int count) {
    return shared.computeIfAbsent(((long) used << 32) | count, key -> {
      byte[] bitmap = new byte[Ext2Geometry.BLOCK_SIZE];
      setBits(bitmap, 0, used);
      setBits(bitmap, count, Ext2Geometry.BLOCK_SIZE * 8);
      return bitmap;
    });
  }

  private static void setBits(byte[] bitmap, int from, int to) {
    for (int bit = from; bit < to; bit++) {
      bitmap[bit >>> 3] |= (byte) (1 << (bit & 7));
    }
  }
}
