package dev.hermitcloud.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out data blocks in disk order, skipping each group's metadata, so that a file's blocks are one
 * run per group it spans and every group's used blocks are a prefix of its data area (which makes the
 * block bitmaps trivial to derive).
 */
final class Ext2Allocator {
  private final Ext2Geometry geometry;
  private final long[] used;
  private int group;

  Ext2Allocator(Ext2Geometry geometry) {
    this.geometry = geometry;
    this.used = new long[geometry.groups()];
  }

  /** {@code count} blocks as runs of {start, length}, in order. */
  List<long[]> allocate(long count) {
    List<long[]> runs = new ArrayList<>();
    long left = count;
    while (left > 0) {
      if (group >= geometry.groups()) {
        throw new IllegalStateException("ext2 file system full: " + left + " blocks short");
      }
      long free = geometry.groupBlocks(group) - geometry.overhead(group) - used[group];
      if (free == 0) {
        group++;
        continue;
      }
      long take = Math.min(free, left);
      runs.add(new long[] {geometry.groupStart(group) + geometry.overhead(group) + used[group], take});
      used[group] += take;
      left -= take;
    }
    return runs;
  }

  /** Data blocks handed out in {@code group}. */
  long used(int group) {
    return used[group];
  }
}
