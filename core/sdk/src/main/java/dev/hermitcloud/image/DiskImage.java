package dev.hermitcloud.image;

import dev.hermitcloud.MissingHostToolException;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A bootable BIOS disk for a unikernel, built without root, loop devices or mounts: GRUB in the MBR and
 * the gap after it, one ext2 partition from 1 MiB to the end holding {@code /boot/grub/grub.cfg}, the
 * loader and the modules. GRUB boots the loader with the modules on the serial console (COM1, 115200
 * baud), each command line reaching its kernel exactly as given.
 *
 * <p>The disk is sparse and planned, not materialised: building one reads only file sizes, and each
 * output streams the few written ranges, file contents straight from the source files. Memory use does
 * not grow with the disk size, and hardly with the file sizes.
 *
 * <pre>{@code
 * DiskImage image = DiskImage.of(unikernel);            // 1 GiB; DiskImage.of(unikernel, 10) for 10 GiB
 * String name = "echo-server-" + image.contentHash().substring(0, 12);
 * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(name + ".tar.gz")))) {
 *   image.writeGceArchive(out);                         // disk.raw in a .tar.gz, for Compute Engine
 * }
 * try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(name + ".qcow2")))) {
 *   image.writeQcow2(out);                              // for OpenStack
 * }
 * image.writeRaw(Path.of(name + ".raw"));               // a sparse file, for QEMU
 * }</pre>
 *
 * <p>The same unikernel and disk size always give the same bytes in every output, named by {@link
 * #contentHash()}. GRUB's boot code comes from this machine ({@code grub-mkimage} and {@code
 * /usr/lib/grub/i386-pc}, Debian package {@code grub-pc-bin}).
 */
public final class DiskImage {
  /** The disk size used when none is given, and Compute Engine's smallest. */
  public static final int DEFAULT_DISK_GIB = 1;

  private final SparseDisk disk;
  private final String contentHash;
  private final int diskGib;

  DiskImage(SparseDisk disk, String contentHash, int diskGib) {
    this.disk = disk;
    this.contentHash = contentHash;
    this.diskGib = diskGib;
  }

  /** The image of {@code unikernel} on a disk of {@link #DEFAULT_DISK_GIB} GiB. */
  public static DiskImage of(Unikernel unikernel) throws IOException {
    return of(unikernel, DEFAULT_DISK_GIB);
  }

  /**
   * Fails with an {@link dev.hermitcloud.InvalidSpecException} on {@code field}, saying how many
   * GiB are needed, unless the unikernel's files fit a disk of {@code diskGib} GiB. Reads file sizes only.
   */
  public static void requireFits(String field, Unikernel unikernel, int diskGib) {
    try {
      DiskImageBuilder.planFitting(field, unikernel, diskGib);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading the sizes of the boot files", e);
    }
  }

  /**
   * The image of {@code unikernel} on a disk of {@code diskGib} GiB (1 to 2048).
   *
   * @throws dev.hermitcloud.InvalidSpecException on field {@code image.diskGib} if the files
   *     do not fit (the message says how many GiB they need), or on a command line that GRUB cannot pass
   *     unchanged (field {@code unikernel.loader.args} or {@code unikernel.modules[i].args})
   * @throws MissingHostToolException if GRUB's BIOS boot code is not installed on this machine
   * @throws IOException if a boot file cannot be read or {@code grub-mkimage} fails
   */
  public static DiskImage of(Unikernel unikernel, int diskGib) throws IOException {
    dev.hermitcloud.internal.validation.Check.required("unikernel", unikernel,
        "build one with Unikernel.named(\"echo\").loader(path).module(path).build()");
    return DiskImageBuilder.build(unikernel, diskGib, HostGrub.system());
  }

  /**
   * SHA-256 (hex) of the unikernel's {@link Unikernel#contentHash() content hash} and the disk size:
   * equal hashes mean equal images.
   */
  public String contentHash() {
    return contentHash;
  }

  /** The disk size in GiB. */
  public int diskGib() {
    return diskGib;
  }

  /** The disk size in bytes. */
  public long sizeBytes() {
    return disk.size();
  }

  /** Bytes of the disk actually written; everything else is zeros. */
  public long allocatedBytes() {
    return disk.allocatedBytes();
  }

  /**
   * Writes the disk as a sparse raw file of {@link #sizeBytes()} bytes, taking about {@link
   * #allocatedBytes()} on a file system that supports holes. The file appears complete or not at all.
   */
  public void writeRaw(Path file) throws IOException {
    RawImageWriter.write(disk, file);
  }

  /**
   * Writes the archive Compute Engine imports: gzip'd tar (old GNU format) with the one sparse member
   * {@code disk.raw}. Compression uses every available core. {@code out} is flushed, not closed.
   */
  public void writeGceArchive(OutputStream out) throws IOException {
    GceArchiveWriter.write(disk, out, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Writes the disk as qcow2 (version 3, compat 1.1, 64 KiB clusters) holding only the clusters with
   * data, as OpenStack Glance takes it. {@code out} is flushed, not closed.
   */
  public void writeQcow2(OutputStream out) throws IOException {
    Qcow2Writer.write(disk, out);
  }

  SparseDisk disk() {
    return disk;
  }

  @Override
  public String toString() {
    return "DiskImage[" + diskGib + " GiB, " + allocatedBytes() + " bytes written, " + contentHash + "]";
  }
}
