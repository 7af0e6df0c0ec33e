package dev.hermitcloud.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A disk of a fixed size of which only the written extents are kept; the rest reads as zeros. Nothing
 * here is proportional to the disk size, and file contents stay in their files until an output is
 * written.
 */
final class SparseDisk {
  private final long size;
  private final List<Extent> extents;

  private SparseDisk(long size, List<Extent> extents) {
    this.size = size;
    this.extents = List.copyOf(extents);
  }

  /** The disk size in bytes. */
  long size() {
    return size;
  }

  /** The written extents, in disk order, none overlapping. */
  List<Extent> extents() {
    return extents;
  }

  /** Bytes written: the sum of the extents. */
  long allocatedBytes() {
    long total = 0;
    for (Extent extent : extents) {
      total += extent.length();
    }
    return total;
  }

  /**
   * The written ranges, widened to multiples of {@code alignment} bytes and joined where they touch,
   * each as {offset, length}: the data map of a sparse file. The widening only adds zeros.
   */
  List<long[]> dataRanges(int alignment) {
    List<long[]> ranges = new ArrayList<>();
    long[] current = null;
    for (Extent extent : extents) {
      long start = extent.offset() / alignment * alignment;
      long end = Math.min(size, (extent.end() + alignment - 1) / alignment * alignment);
      if (current != null && current[0] + current[1] >= start) {
        current[1] = Math.max(current[1], end - current[0]);
      } else {
        current = new long[] {start, end - start};
        ranges.add(current);
      }
    }
    return ranges;
  }

  /** Collects extents in any order; {@link #build()} sorts and checks them. */
  static final class Builder {
    private final long size;
    private final List<Extent> extents = new ArrayList<>();

    Builder(long size) {
      this.size = size;
    }

    /** Writes {@code data} at {@code offset}. */
    Builder write(long offset, byte[] data) {
      return write(offset, new Content.Bytes(data), 0, data.length);
    }

    /** Writes {@code length} bytes of {@code content}, from {@code contentOffset}, at {@code offset}. */
    Builder write(long offset, Content content, long contentOffset, long length) {
      if (length > 0) {
        extents.add(new Extent(offset, length, content, contentOffset));
      }
      return this;
    }

    SparseDisk build() {
      extents.sort(Comparator.comparingLong(Extent::offset));
      long end = 0;
      for (Extent extent : extents) {
        if (extent.offset() < end) {
          throw new IllegalStateException("overlapping writes at disk offset " + extent.offset());
        }
        end = extent.end();
      }
      if (end > size) {
        throw new IllegalStateException("write past the end of the disk: " + end + " > " + size);
      }
      return new SparseDisk(size, extents);
    }
  }
}
