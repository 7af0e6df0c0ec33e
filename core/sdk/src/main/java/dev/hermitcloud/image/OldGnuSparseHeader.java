package dev.hermitcloud.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header blocks of one sparse member in a GNU tar archive of the old GNU format (what {@code tar
 * --format=oldgnu -S} writes): a 512-byte header with type 'S', the first four data ranges of the file
 * and its real size, followed by as many extension blocks of 21 ranges each as the rest of the map
 * needs. The member's data is the ranges' bytes back to back; everything else in the file is a hole.
 */
final class OldGnuSparseHeader {
  static final int BLOCK = 512;
  private static final int RANGES_IN_HEADER = 4;
  private static final int RANGES_IN_EXTENSION = 21;

  private OldGnuSparseHeader() {}

  /**
   * The header and extension blocks for a file {@code realSize} bytes long whose data is {@code ranges}
   * ({offset, length}, ascending). GNU tar ends a map with a zero-length range at the end of the file, so
   * that the size is known even when the file ends in a hole; so does this.
   */
  static byte[] encode(String name, long realSize, List<long[]> ranges, int mode, long mtime, String owner) {
    List<long[]> map = new ArrayList<>(ranges);
    if (map.isEmpty() || map.get(map.size() - 1)[0] + map.get(map.size() - 1)[1] < realSize) {
      map.add(new long[] {realSize, 0});
    }
    long stored = 0;
    for (long[] range : ranges) {
      stored += range[1];
    }
    int extensions = Math.max(0, (map.size() - RANGES_IN_HEADER + RANGES_IN_EXTENSION - 1) / RANGES_IN_EXTENSION);
    byte[] blocks = new byte[BLOCK * (1 + extensions)];

    ascii(blocks, 0, 100, name);
    number(blocks, 100, 8, mode);
    number(blocks, 108, 8, 0); // uid
    number(blocks, 116, 8, 0); // gid
    number(blocks, 124, 12, stored);
    number(blocks, 136, 12, mtime);
    blocks[156] = 'S';
    ascii(blocks, 257, 8, "ustar  "); // old GNU magic and version: "ustar " then " \0"
    ascii(blocks, 265, 32, owner);
    ascii(blocks, 297, 32, owner);
    int next = 0;
    for (int i = 0; i < RANGES_IN_HEADER && next < map.size(); i++, next++) {
      range(blocks, 386 + 24 * i, map.get(next));
    }
    blocks[482] = (byte) (extensions > 0 ? 1 : 0);
    number(blocks, 483, 12, realSize);
    checksum(blocks);

    for (int e = 0; e < extensions; e++) {
      int base = BLOCK * (1 + e);
      for (int i = 0; i < RANGES_IN_EXTENSION && next < map.size(); i++, next++) {
        range(blocks, base + 24 * i, map.get(next));
      }
      blocks[base + 504] = (byte) (e + 1 < extensions ? 1 : 0);
    }
    return blocks;
  }

  private static void range(byte[] blocks, int at, long[] range) {
    number(blocks, at, 12, range[0]);
    number(blocks, at + 12, 12, range[1]);
  }

  /**
   * A numeric field: octal digits and a NUL when they fit, else GNU's base-256 form (first byte 0x80,
   * then the value big-endian), which GNU tar, bsdtar and Go's archive/tar all read.
   */
  static void number(byte[] blocks, int at, int width, long value) {
    String octal = Long.toOctalString(value);
    if (octal.length() < width) {
      String padded = "0".repeat(width - 1 - octal.length()) + octal;
      ascii(blocks, at, width, padded);
      return;
    }
    blocks[at] = (byte) 0x80;
    for (int i = width - 1; i > 0; i--, value >>>= 8) {
      blocks[at + i] = (byte) value;
    }
  }

  private static void checksum(byte[] blocks) {
    // Computed with the checksum field itself read as eight spaces.
    for (int i = 148; i < 156; i++) {
      blocks[i] = ' ';
    }
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += blocks[i] & 0xff;
    }
    ascii(blocks, 148, 8, String.format("%06o", sum) + "\0 ");
  }

  private static void ascii(byte[] blocks, int at, int width, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > width) {
      throw new IllegalArgumentException("tar field too long: " + text);
    }
    System.arraycopy(bytes, 0, blocks, at, bytes.length);
  }
}
