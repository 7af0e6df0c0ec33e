package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.unikernel.Unikernel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compute Engine archive, read by GNU tar: one sparse disk.raw of exactly the disk size, equal to the raw disk. */
class GceArchiveTest {
  @TempDir static Path dir;
  static DiskImage image;
  static Path raw;
  static Path archive;

  @BeforeAll
  static void build() throws IOException {
    Unikernel unikernel = Unikernel.named("archive-test")
        .loader(TestUnikernels.demoKernel(dir), "-uart=io:0x3f8")
        .module(TestUnikernels.module(dir, "server", 3_000_000, 3))
        .build();
    image = DiskImage.of(unikernel);
    raw = dir.resolve("disk.raw");
    image.writeRaw(raw);
    archive = dir.resolve("disk.tar.gz");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive))) {
      image.writeGceArchive(out);
    }
  }

  @Test
  void listsOneMemberDiskRawOfTheDiskSize() throws Exception {
    String listing = HostTool.TAR.check("-tvzf", archive.toString());

    assertThat(listing.lines()).hasSize(1);
    assertThat(listing.strip().split("\\s+")).containsSubsequence("root/root", "1073741824", "disk.raw");
    assertThat(listing.strip()).endsWith(" disk.raw");
  }

  @Test
  void isAnOldGnuSparseMember() throws IOException {
    byte[] header = new byte[512];
    try (var in = new GZIPInputStream(Files.newInputStream(archive))) {
      assertThat(in.readNBytes(header, 0, 512)).isEqualTo(512);
    }

    assertThat((char) header[156]).isEqualTo('S');
    assertThat(header[482]).as("sparse map continues in extension blocks").isEqualTo((byte) 1);
    assertThat(new String(header, 257, 8, StandardCharsets.US_ASCII)).isEqualTo("ustar  \0");
  }

  @Test
  void extractsToTheRawDiskByteForByteAndSparse() throws Exception {
    Path out = Files.createDirectory(dir.resolve("extracted"));
    HostTool.TAR.check("-xSzf", archive.toString(), "-C", out.toString());
    Path extracted = out.resolve("disk.raw");

    try (var files = Files.list(out)) {
      assertThat(files.toList()).containsExactly(extracted);
    }
    assertThat(Files.size(extracted)).isEqualTo(1L << 30);
    HostTool.CMP.check(extracted.toString(), raw.toString());
    long allocated = Long.parseLong(HostTool.DU.check("--block-size=1", extracted.toString()).split("\\s+")[0]);
    assertThat(allocated).isLessThan(8L << 20);
  }

  @Test
  void isValidGzipNoLargerThanItsData() throws Exception {
    HostTool.GZIP.check("-t", archive.toString());
    assertThat(Files.size(archive)).isLessThan(image.allocatedBytes() + (1 << 20));
  }
}
