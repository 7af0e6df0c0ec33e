package dev.hermitcloud.image;

/**
 * A run of written bytes on the disk: {@code length} bytes at disk offset {@code offset}, taken from
 * {@code content} starting at {@code contentOffset}. Everything outside the extents of a disk is zero.
 */
record Extent(long offset, long length, Content content, long contentOffset) {
  Extent {
    if (offset < 0 || length <= 0 || contentOffset < 0 || contentOffset + length > content.size()) {
      throw new IllegalArgumentException("bad extent: " + offset + "+" + length + " from " + contentOffset
          + " of " + content.size());
    }
  }

  /** The disk offset just past the extent. */
  long end() {
    return offset + length;
  }
}
