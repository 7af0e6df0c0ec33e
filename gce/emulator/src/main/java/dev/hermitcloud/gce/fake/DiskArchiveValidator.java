package dev.hermitcloud.gce.fake;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Checks an image archive the way GCE's import does: gzip; a tar in GNU/oldgnu format holding
 * exactly one member, {@code disk.raw}, regular or GNU sparse, whose (real) size is a whole,
 * non-zero number of GiB. Streams through the data, so a large disk is never held in memory.
 */
final class DiskArchiveValidator {
  static final long GIB = 1L << 30;

  /**
   * Why an archive is not a valid image: the message explains it in detail; {@link #serviceText()} is
   * what GCE's operation error says where its wording is known (audit B8).
   */
  static final class InvalidArchive extends Exception {
    private final String serviceText;

    InvalidArchive(String message) {
      this(message, null);
    }

    InvalidArchive(String message, String serviceText) {
      super(message);
      this.serviceText = serviceText;
    }

    /**
     * GCE's own words: https://github.com/google/syzkaller/pull/825 (not a valid image),
     * https://github.com/nix-community/nixos-generators/issues/221 (format),
     * https://github.com/lf-edge/eve/pull/1289 (name, with doubled quotes); the detail where unknown.
     */
    String serviceText() {
      return serviceText != null ? serviceText : getMessage();
    }
  }

  /** A valid archive's disk. */
  record Disk(long rawSizeBytes, boolean sparse) {
    long sizeGb() {
      return rawSizeBytes / GIB;
    }
  }

  private DiskArchiveValidator() {}

  static Disk validate(byte[] archive) throws InvalidArchive {
    if (archive.length < 2 || (archive[0] & 0xff) != 0x1f || (archive[1] & 0xff) != 0x8b) {
      throw new InvalidArchive("The image archive is not gzip-compressed."
          + " The tar archive is not a valid image.");
    }
    try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(archive), 64 * 1024)) {
      return readTar(tar);
    } catch (NumberFormatException e) {
      throw new InvalidArchive("The tar header holds a malformed number (" + e.getMessage()
          + "). The tar archive is not a valid image.");
    } catch (EOFException e) {
      throw new InvalidArchive("The tar archive is truncated. The tar archive is not a valid image.");
    } catch (IOException e) {
      throw new InvalidArchive("The image archive is not a valid gzip stream (" + e.getMessage()
          + "). The tar archive is not a valid image.");
    }
  }

  private static Disk readTar(InputStream in) throws IOException, InvalidArchive {
    byte[] block = new byte[TarHeader.BLOCK];
    int first = in.readNBytes(block, 0, block.length);
    if (first > 0 && first < block.length) {
      throw new InvalidArchive("The file is not a tar archive (shorter than one header)."
          + " The tar archive is not a valid image.");
    }
    if (first == 0 || TarHeader.isZeroBlock(block)) {
      throw new InvalidArchive("The tar archive is empty; it must hold one file named 'disk.raw'.");
    }
    TarHeader header = new TarHeader(block);
    if (!header.checksumValid()) {
      throw new InvalidArchive("The file is not a tar archive (bad header checksum)."
          + " The tar archive is not a valid image.");
    }
    if (header.isPosixFormat() || header.typeflag() == 'x' || header.typeflag() == 'g') {
      throw new InvalidArchive("The tar archive uses the POSIX ustar/pax format; GCE needs GNU"
          + " format (tar --format=oldgnu). The tar archive is not a valid image.",
          "The tar archive format is not supported. Supported formats are: GNU and OLDGNU.");
    }
    if (!header.isGnuFormat()) {
      throw new InvalidArchive("The tar archive is not in GNU/oldgnu format."
          + " The tar archive is not a valid image.");
    }
    if (header.typeflag() == 'L' || header.typeflag() == 'K') {
      throw new InvalidArchive("The file inside the tar archive has a long name."
          + " It should be named 'disk.raw'.");
    }
    if (!header.name().equals("disk.raw")) {
      throw new InvalidArchive("The file inside the tar archive was named '" + header.name()
          + "'. It should be named 'disk.raw'.", "The file inside the tar archive was named ''" + header.name()
          + "''. It should be named ''disk.raw''.");
    }
    char type = header.typeflag();
    if (type != '0' && type != '\0' && type != 'S') {
      throw new InvalidArchive("'disk.raw' inside the tar archive is not a regular file (type '"
          + type + "'). The tar archive is not a valid image.");
    }
    long stored = header.size();
    long realSize = stored;
    boolean sparse = type == 'S';
    if (sparse) {
      realSize = header.realSize();
      List<TarHeader.SparseEntry> map = new ArrayList<>(header.sparseEntries());
      boolean more = header.isExtended();
      while (more) {
        if (!readBlock(in, block)) {
          throw new EOFException();
        }
        map.addAll(TarHeader.extendedEntries(block));
        more = TarHeader.extendedBlockContinues(block);
      }
      checkSparseMap(map, stored, realSize);
    }
    skipFully(in, roundUp(stored));
    if (readBlock(in, block) && !TarHeader.isZeroBlock(block)) {
      throw new InvalidArchive("The tar archive holds more than one file; it must hold only"
          + " 'disk.raw'.");
    }
    if (realSize <= 0 || realSize % GIB != 0) {
      throw new InvalidArchive("The size of 'disk.raw' is " + realSize + " bytes; it must be a"
          + " whole multiple of 1 GiB (" + GIB + " bytes).");
    }
    return new Disk(realSize, sparse);
  }

  private static void checkSparseMap(List<TarHeader.SparseEntry> map, long stored, long realSize)
      throws InvalidArchive {
    long sum = 0;
    long end = 0;
    for (TarHeader.SparseEntry e : map) {
      if (e.offset() < end || e.numbytes() < 0 || e.offset() + e.numbytes() > realSize) {
        throw new InvalidArchive("The sparse map of 'disk.raw' is inconsistent."
            + " The tar archive is not a valid image.");
      }
      end = e.offset() + e.numbytes();
      sum += e.numbytes();
    }
    if (sum != stored) {
      throw new InvalidArchive("The sparse map of 'disk.raw' does not match its stored size."
          + " The tar archive is not a valid image.");
    }
  }

  private static long roundUp(long size) {
    return (size + TarHeader.BLOCK - 1) / TarHeader.BLOCK * TarHeader.BLOCK;
  }

  /** Reads a whole block; false at a clean end of stream, EOF exception when cut mid-block. */
  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return false;
    }
    if (n < block.length) {
      throw new EOFException();
    }
    return true;
  }

  private static void skipFully(InputStream in, long count) throws IOException {
    long left = count;
    byte[] sink = new byte[64 * 1024];
    while (left > 0) {
      int n = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (n < 0) {
        throw new EOFException();
      }
      left -= n;
    }
  }
}
