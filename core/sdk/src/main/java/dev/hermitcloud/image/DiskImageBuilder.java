package dev.hermitcloud.image;

import dev.hermitcloud.unikernel.BootFile;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Plans a bootable disk for a unikernel: an MBR with GRUB's boot code and one bootable Linux partition
 * from 1 MiB to the end of the disk, GRUB's core.img in the gap before it, and in the partition an ext2
 * file system with {@code /boot/grub/grub.cfg}, the loader and the modules. Nothing is written to disk
 * here; the result is a {@link SparseDisk} whose file data still lives in the source files.
 */
final class DiskImageBuilder {
  static final long GIB = 1L << 30;
  static final long PARTITION_START_LBA = 2048;
  /** MBR partitions end within 2 TiB. */
  static final int MAX_DISK_GIB = 2048;
  /** Every timestamp in the image (file system and tar): 2017-06-16T00:00:00Z. */
  static final int FIXED_TIME = 1497571200;
  static final String LABEL = "hermit";

  private DiskImageBuilder() {}

  static DiskImage build(Unikernel unikernel, int diskGib, HostGrub grub) throws IOException {
    // grub-mkimage runs while the files are planned and hashed.
    CompletableFuture<GrubBootCode> bootCode = CompletableFuture.supplyAsync(() -> {
      try {
        return grub.bootCode();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, DiskImageBuilder::daemonThread);
    Ext2Writer ext2 = planFitting("image.diskGib", unikernel, diskGib);
    // Hashing reads every file: only once they are known to fit.
    byte[] hash = imageHash(unikernel, diskGib);
    GrubBootCode boot = await(bootCode);
    if (1 + boot.coreSectors() > PARTITION_START_LBA) {
      throw new IllegalStateException("GRUB's core.img is " + boot.coreImage().length
          + " bytes, more than fits before the partition at 1 MiB");
    }
    long size = diskGib * GIB;
    SparseDisk.Builder disk = new SparseDisk.Builder(size);
    int signature = (hash[0] & 0xff) | (hash[1] & 0xff) << 8 | (hash[2] & 0xff) << 16 | (hash[3] & 0xff) << 24;
    disk.write(0, MasterBootRecord.encode(boot.mbrCode(), signature, PARTITION_START_LBA,
        size / MasterBootRecord.SECTOR_SIZE - PARTITION_START_LBA));
    disk.write(MasterBootRecord.SECTOR_SIZE, boot.coreImage());
    ext2.write(disk, partitionOffset(), partitionBlocks(diskGib), uuid(hash), LABEL, FIXED_TIME);
    return new DiskImage(disk.build(), HexFormat.of().formatHex(hash), diskGib);
  }

  private static void daemonThread(Runnable task) {
    Thread thread = new Thread(task, "hermit-grub-mkimage");
    thread.setDaemon(true);
    thread.start();
  }

  private static GrubBootCode await(CompletableFuture<GrubBootCode> bootCode) throws IOException {
    try {
      return bootCode.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** /boot/grub/grub.cfg, then the loader and the modules, each under its boot name. */
  private static FileTree.Directory tree(Unikernel unikernel, String cfg) throws IOException {
    List<FileTree.Node> boot = new ArrayList<>();
    byte[] cfgBytes = cfg.getBytes(StandardCharsets.UTF_8);
    boot.add(new FileTree.Directory("grub",
        List.of(new FileTree.RegularFile("grub.cfg", new Content.Bytes(cfgBytes)))));
    for (BootFile file : unikernel.bootFiles()) {
      Path path = file.path();
      boot.add(new FileTree.RegularFile(file.bootName(), new Content.FileBytes(path, Files.size(path))));
    }
    return new FileTree.Directory("", List.of(new FileTree.Directory("boot", boot)));
  }

  private static long capacity(int diskGib, Ext2Writer ext2) {
    return Ext2Geometry.of(partitionBlocks(diskGib), ext2.inodesNeeded()).dataBlocks();
  }

  /**
   * Plans the file system and fails on {@code field} unless it fits a disk of {@code diskGib} GiB. Reads
   * file sizes only, so it is cheap enough to run whenever a spec is built.
   */
  static Ext2Writer planFitting(String field, Unikernel unikernel, int diskGib) throws IOException {
    Check.within(field, diskGib, 1, MAX_DISK_GIB);
    Ext2Writer ext2 = new Ext2Writer(tree(unikernel, GrubConfig.of(unikernel)));
    long needed = ext2.blocksNeeded();
    if (needed > capacity(diskGib, ext2)) {
      throw tooSmall(field, diskGib, needed, ext2);
    }
    return ext2;
  }

  private static InvalidSpecException tooSmall(String field, int diskGib, long needed, Ext2Writer ext2) {
    String content = (needed * Ext2Geometry.BLOCK_SIZE >> 20) + " MiB of files and file-system blocks";
    for (int gib = diskGib + 1; gib <= MAX_DISK_GIB; gib++) {
      if (capacity(gib, ext2) >= needed) {
        return new InvalidSpecException(field, diskGib,
            "is too small: the image holds " + content + " and needs " + gib + " GiB; set the disk size to "
                + gib + " GiB or more");
      }
    }
    return new InvalidSpecException(field, diskGib, "is too small: the image holds " + content
        + ", more than the largest disk of " + MAX_DISK_GIB + " GiB");
  }

  static long partitionOffset() {
    return PARTITION_START_LBA * MasterBootRecord.SECTOR_SIZE;
  }

  private static long partitionBlocks(int diskGib) {
    return (diskGib * GIB - partitionOffset()) / Ext2Geometry.BLOCK_SIZE;
  }

  /** SHA-256 of the unikernel's content hash and the disk size: what names the image. */
  private static byte[] imageHash(Unikernel unikernel, int diskGib) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("hermit-image:" + unikernel.contentHash() + ":" + diskGib + "GiB")
          .getBytes(StandardCharsets.US_ASCII));
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }

  /** A version-4-shaped UUID taken from the hash, so that equal images carry equal UUIDs. */
  private static byte[] uuid(byte[] hash) {
    byte[] uuid = Arrays.copyOfRange(hash, 4, 20);
    uuid[6] = (byte) (uuid[6] & 0x0f | 0x40);
    uuid[8] = (byte) (uuid[8] & 0x3f | 0x80);
    return uuid;
  }
}
