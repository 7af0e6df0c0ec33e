package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that need double and triple indirect blocks and the large_file feature, checked by e2fsck. Only
 * the file system's metadata is written (e2fsck does not read file data), so a 5 GiB file costs nothing.
 */
class Ext2LargeFileTest {
  private static final long BLOCKS = 6L << 18; // 6 GiB of 4 KiB blocks

  @TempDir Path dir;

  @Test
  void mapsAFileBeyondTheDoubleIndirectRange() throws Exception {
    long huge = (5L << 30) + 12345;
    FileTree.Directory root = new FileTree.Directory("", List.of(new FileTree.Directory("boot", List.of(
        new FileTree.RegularFile("huge", new Content.FileBytes(dir.resolve("unread"), huge)),
        new FileTree.RegularFile("middle", new Content.FileBytes(dir.resolve("unread"), 40_000_000)),
        new FileTree.RegularFile("tiny", new Content.Bytes(new byte[] {1}))))));
    Ext2Writer writer = new Ext2Writer(root);
    SparseDisk.Builder disk = new SparseDisk.Builder(BLOCKS * Ext2Geometry.BLOCK_SIZE);
    writer.write(disk, 0, BLOCKS, new byte[16], "large", 1497571200);
    Path fs = writeMetadataOnly(disk.build());

    HostTool.Result fsck = HostTool.E2FSCK.run("-fn", fs.toString());
    assertThat(fsck.exitCode()).as(fsck.output()).isZero();
    String stat = HostTool.DEBUGFS.check("-R", "stat /boot/huge", fs.toString());
    assertThat(stat).contains("Size: " + huge);
    assertThat(HostTool.DEBUGFS.check("-R", "stats", fs.toString())).contains("large_file");
    assertThat(Ext2BlockMap.indirectBlocks(huge / 4096 + 1)).isGreaterThan(1024 + 2);
  }

  private Path writeMetadataOnly(SparseDisk disk) throws IOException {
    Path file = dir.resolve("fs.img");
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(disk.size());
      for (Extent extent : disk.extents()) {
        if (extent.content() instanceof Content.Bytes bytes) {
          out.seek(extent.offset());
          out.write(bytes.data(), (int) extent.contentOffset(), (int) extent.length());
        }
      }
    }
    return file;
  }
}
