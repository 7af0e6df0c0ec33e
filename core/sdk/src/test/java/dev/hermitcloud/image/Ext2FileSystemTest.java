package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.unikernel.BootFile;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw disk, checked by e2fsprogs: a clean ext2 partition at 1 MiB holding every file byte for byte. */
class Ext2FileSystemTest {
  @TempDir static Path dir;
  static Unikernel unikernel;
  static DiskImage image;
  static Path raw;

  @BeforeAll
  static void build() throws IOException {
    unikernel = Unikernel.named("fs-test")
        .loader(TestUnikernels.demoKernel(dir), "-uart=io:0x3f8")
        .module(TestUnikernels.module(dir, "server", 20_000_000, 1), "-freq 2000")
        .module(TestUnikernels.module(dir, "small", 100, 2))
        .build();
    image = DiskImage.of(unikernel);
    raw = dir.resolve("disk.raw");
    image.writeRaw(raw);
  }

  @Test
  void fileSystemIsClean() throws Exception {
    HostTool.Result result = HostTool.E2FSCK.run("-fn", partition());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Pass 5").doesNotContain("Fix?");
  }

  @Test
  void everyFileReadsBackByteForByte() throws Exception {
    for (BootFile file : unikernel.bootFiles()) {
      Path copy = dir.resolve("readback-" + file.bootName());
      HostTool.DEBUGFS.run(Duration.ofSeconds(60), copy, "-R", "cat /boot/" + file.bootName(), partition());
      assertThat(Files.mismatch(copy, file.path())).as(file.bootName()).isEqualTo(-1);
    }
  }

  @Test
  void grubConfigReadsBackAndStartsTheUnikernel() throws Exception {
    Path copy = dir.resolve("grub.cfg");
    HostTool.DEBUGFS.run(Duration.ofSeconds(60), copy, "-R", "cat /boot/grub/grub.cfg", partition());
    String cfg = Files.readString(copy);

    assertThat(cfg).isEqualTo(GrubConfig.of(unikernel));
    assertThat(cfg.lines().map(String::strip)).containsSubsequence(
        "serial --unit=0 --speed=115200",
        "terminal_input serial console",
        "terminal_output serial console",
        "set timeout=0",
        "multiboot /boot/demo.elf -uart=io:0x3f8",
        "module /boot/server -freq 2000",
        "module /boot/small",
        "boot");
  }

  @Test
  void listsTheBootDirectory() throws Exception {
    String listing = HostTool.DEBUGFS.check("-R", "ls -l /boot", partition());

    assertThat(listing).contains("grub", "demo.elf", "20000084 16-Jun-2017", "server", "small");
  }

  @Test
  void mbrHasOneBootablePartitionFromOneMibToTheEnd() throws IOException {
    ByteBuffer mbr = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
    try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "r")) {
      file.readFully(mbr.array());
    }

    assertThat(mbr.get(446)).isEqualTo((byte) 0x80);
    assertThat(mbr.get(446 + 4)).isEqualTo((byte) 0x83);
    assertThat(mbr.getInt(446 + 8)).isEqualTo(2048);
    assertThat(mbr.getInt(446 + 12)).isEqualTo((1 << 21) - 2048);
    assertThat(mbr.getLong(462)).isZero(); // no second partition
    assertThat(mbr.getShort(510)).isEqualTo((short) 0xAA55);
    byte[] hash = HexFormat.of().parseHex(image.contentHash());
    assertThat(mbr.getInt(440)).isEqualTo(ByteBuffer.wrap(hash).order(ByteOrder.LITTLE_ENDIAN).getInt());
    assertThat(Arrays.copyOf(mbr.array(), 440)).isEqualTo(HostGrub.system().bootCode().mbrCode());
  }

  @Test
  void rawFileIsSparse() throws Exception {
    assertThat(Files.size(raw)).isEqualTo(1L << 30);
    long allocated = Long.parseLong(HostTool.DU.check("--block-size=1", raw.toString()).split("\\s+")[0]);

    assertThat(allocated).isLessThan(24L << 20).isGreaterThanOrEqualTo(20_000_000L);
    assertThat(image.allocatedBytes()).isBetween(20_000_000L, 21_000_000L);
  }

  @Test
  void superblockNamesTheFileSystem() throws Exception {
    String stats = HostTool.DEBUGFS.check("-R", "stats", partition());

    assertThat(stats).contains("Filesystem volume name:   hermit", "Block size:               4096",
        "Filesystem features:      filetype sparse_super");
    String uuid = stats.lines().filter(line -> line.startsWith("Filesystem UUID:")).findFirst().orElseThrow();
    assertThat(uuid.replace("-", "")).contains(image.contentHash().substring(8, 20));
  }

  private static String partition() {
    return raw + "?offset=" + (2048 * 512);
  }
}
