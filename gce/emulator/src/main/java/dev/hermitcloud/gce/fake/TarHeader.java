package dev.hermitcloud.gce.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One 512-byte tar header block, read the way GNU tar writes it. Numeric fields are octal text,
 * or base-256 when the first byte has its high bit set (sizes of 8 GiB and more).
 */
final class TarHeader {
  static final int BLOCK = 512;
  /** GNU and oldgnu magic + version: "ustar  \0". */
  private static final byte[] GNU_MAGIC = "ustar  \0".getBytes(StandardCharsets.US_ASCII);
  /** POSIX ustar/pax magic + version: "ustar\0" "00". */
  private static final byte[] POSIX_MAGIC = "ustar\00000".getBytes(StandardCharsets.US_ASCII);

  /** One entry of a GNU sparse map: {@code numbytes} of data at {@code offset} in the file. */
  record SparseEntry(long offset, long numbytes) {}

  private final byte[] block;

  TarHeader(byte[] block) {
    this.block = block;
  }

  static boolean isZeroBlock(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  boolean checksumValid() {
    long stored = number(148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
    }
    return stored == sum;
  }

  boolean isGnuFormat() {
    return matches(257, GNU_MAGIC);
  }

  boolean isPosixFormat() {
    return matches(257, POSIX_MAGIC);
  }

  String name() {
    return string(0, 100);
  }

  char typeflag() {
    return (char) (block[156] & 0xff);
  }

  /** The size field: for a sparse member, the bytes actually stored in the archive. */
  long size() {
    return number(124, 12);
  }

  /** GNU sparse: the file's real size. */
  long realSize() {
    return number(483, 12);
  }

  /** GNU sparse: whether extended sparse header blocks follow. */
  boolean isExtended() {
    return block[482] != 0;
  }

  /** GNU sparse: the up to four map entries held in the header itself. */
  List<SparseEntry> sparseEntries() {
    return entries(386, 4);
  }

  /** Reads an extended sparse block: 21 entries, then the "isextended" byte at 504. */
  static List<SparseEntry> extendedEntries(byte[] block) {
    return new TarHeader(block).entries(0, 21);
  }

  static boolean extendedBlockContinues(byte[] block) {
    return block[504] != 0;
  }

  private List<SparseEntry> entries(int at, int count) {
    List<SparseEntry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int base = at + i * 24;
      if (block[base] == 0) {
        break;
      }
      out.add(new SparseEntry(number(base, 12), number(base + 12, 12)));
    }
    return out;
  }

  private boolean matches(int at, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (block[at + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private String string(int at, int length) {
    int end = at;
    while (end < at + length && block[end] != 0) {
      end++;
    }
    return new String(block, at, end - at, StandardCharsets.UTF_8);
  }

  /** Octal (space/NUL terminated, leading spaces allowed) or GNU base-256. */
  long number(int at, int length) {
    if ((block[at] & 0x80) != 0) {
      long v = block[at] & 0x7f;
      for (int i = 1; i < length; i++) {
        v = (v << 8) | (block[at + i] & 0xff);
      }
      return v;
    }
    long v = 0;
    int i = at;
    while (i < at + length && block[i] == ' ') {
      i++;
    }
    for (; i < at + length; i++) {
      int b = block[i];
      if (b == 0 || b == ' ') {
        break;
      }
      if (b < '0' || b > '7') {
        throw new NumberFormatException("bad octal digit in tar header at offset " + i);
      }
      v = (v << 3) + (b - '0');
    }
    return v;
  }
}
