package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskArchiveValidatorTest {
  private static final long GIB = DiskArchives.GIB;

  @TempDir static Path dir;
  private static DiskArchives archives;

  @BeforeAll
  static void files() throws IOException {
    archives = new DiskArchives(dir);
  }

  @Test
  void acceptsOldGnuSparseDiskOfOneGib() throws Exception {
    archives.sparseFile("one/disk.raw", GIB, 0, 512 * 1024 * 1024);
    byte[] archive = archives.tar("oldgnu", true, "-C", "one", "disk.raw");

    DiskArchiveValidator.Disk disk = DiskArchiveValidator.validate(archive);

    assertThat(disk.rawSizeBytes()).isEqualTo(GIB);
    assertThat(disk.sizeGb()).isEqualTo(1);
    assertThat(disk.sparse()).isTrue();
  }

  @Test
  void readsExtendedSparseHeadersOfAGnuArchive() throws Exception {
    long[] offsets = new long[30];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 64L * 1024 * 1024 + 4096;
    }
    archives.sparseFile("many/disk.raw", 2 * GIB, offsets);
    byte[] archive = archives.tar("gnu", true, "-C", "many", "disk.raw");
    byte[] first = new byte[512];
    try (var in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
      assertThat(in.readNBytes(first, 0, 512)).isEqualTo(512);
    }
    assertThat(new TarHeader(first).isExtended()).isTrue();

    DiskArchiveValidator.Disk disk = DiskArchiveValidator.validate(archive);

    assertThat(disk.sizeGb()).isEqualTo(2);
  }

  @Test
  void readsBase256SizesOfLargeDisks() throws Exception {
    byte[] header = oldGnuSparseHeader("disk.raw", 8 * GIB);
    DiskArchiveValidator.Disk disk = DiskArchiveValidator.validate(gzip(header, new byte[1024]));
    assertThat(disk.sizeGb()).isEqualTo(8);
  }

  @Test
  void refusesAMemberNotNamedDiskRaw() throws Exception {
    archives.sparseFile("named/disk.img", GIB, 0);
    byte[] archive = archives.tar("oldgnu", true, "-C", "named", "disk.img");
    assertInvalid(archive, "was named 'disk.img'. It should be named 'disk.raw'");
  }

  @Test
  void refusesASizeThatIsNotWholeGib() throws Exception {
    archives.sparseFile("odd/disk.raw", GIB + 4096, 0);
    byte[] archive = archives.tar("oldgnu", true, "-C", "odd", "disk.raw");
    assertInvalid(archive, "must be a whole multiple of 1 GiB");
  }

  @Test
  void refusesAnUncompressedTar() throws Exception {
    archives.sparseFile("plain/disk.raw", GIB, 0);
    byte[] archive = archives.tar("oldgnu", false, "-C", "plain", "disk.raw");
    assertInvalid(archive, "not gzip-compressed");
  }

  @Test
  void refusesPosixFormat() throws Exception {
    archives.sparseFile("posix/disk.raw", 4096, 0);
    byte[] archive = archives.tar("posix", true, "-C", "posix", "disk.raw");
    assertInvalid(archive, "POSIX ustar/pax format");
  }

  @Test
  void theOperationSaysWhatGceSays() throws Exception {
    archives.sparseFile("px/disk.raw", 4096, 0);
    assertServiceText(archives.tar("posix", true, "-C", "px", "disk.raw"),
        "The tar archive format is not supported. Supported formats are: GNU and OLDGNU.");
    archives.sparseFile("nm/disk.img", GIB, 0);
    assertServiceText(archives.tar("oldgnu", true, "-C", "nm", "disk.img"),
        "The file inside the tar archive was named ''disk.img''. It should be named ''disk.raw''.");
  }

  private static void assertServiceText(byte[] archive, String text) {
    try {
      DiskArchiveValidator.validate(archive);
      throw new AssertionError("accepted");
    } catch (DiskArchiveValidator.InvalidArchive e) {
      assertThat(e.serviceText()).isEqualTo(text);
    }
  }

  @Test
  void refusesTwoMembers() throws Exception {
    archives.sparseFile("two/disk.raw", GIB, 0);
    archives.sparseFile("two/extra.txt", 10, 0);
    byte[] archive = archives.tar("oldgnu", true, "-C", "two", "disk.raw", "extra.txt");
    assertInvalid(archive, "more than one file");
  }

  @Test
  void refusesAnEmptyArchive() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    byte[] archive = archives.tar("oldgnu", true, "-C", "empty", "--files-from=/dev/null");
    assertInvalid(archive, "empty");
  }

  @Test
  void refusesGzipThatIsNotATar() throws Exception {
    assertInvalid(gzip("just some text".getBytes(StandardCharsets.US_ASCII)), "not a tar archive");
  }

  @Test
  void refusesATruncatedArchive() throws Exception {
    archives.sparseFile("cut/disk.raw", GIB, 0, 4096, 8192);
    byte[] archive = archives.tar("oldgnu", true, "-C", "cut", "disk.raw");
    assertInvalid(Arrays.copyOf(archive, archive.length / 2), "not a valid image");
  }

  private static void assertInvalid(byte[] archive, String message) {
    assertThatThrownBy(() -> DiskArchiveValidator.validate(archive))
        .isInstanceOf(DiskArchiveValidator.InvalidArchive.class)
        .hasMessageContaining(message);
  }

  /** An oldgnu sparse header with no stored data, real size in base-256. */
  private static byte[] oldGnuSparseHeader(String name, long realSize) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644\0");
    put(h, 108, "0000000\0");
    put(h, 116, "0000000\0");
    put(h, 124, "00000000000\0");
    put(h, 136, "00000000000\0");
    h[156] = 'S';
    put(h, 257, "ustar  \0");
    base256(h, 386, realSize);
    put(h, 398, "00000000000\0");
    base256(h, 483, realSize);
    Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o\0 ", sum));
    return h;
  }

  private static void base256(byte[] h, int at, long value) {
    h[at] = (byte) 0x80;
    for (int i = 11; i >= 1; i--) {
      h[at + i] = (byte) (value & 0xff);
      value >>>= 8;
    }
  }

  private static void put(byte[] h, int at, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  private static byte[] gzip(byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (byte[] p : parts) {
        gz.write(p);
      }
    }
    return out.toByteArray();
  }
}
