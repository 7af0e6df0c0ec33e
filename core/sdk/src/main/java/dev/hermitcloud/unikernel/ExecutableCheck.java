package dev.hermitcloud.unikernel;

import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads just enough of a file to tell whether GRUB can load it: an ELF image, and for the loader a
 * Multiboot (version 1) header within its first 8 KiB, which is where GRUB's {@code multiboot} command
 * looks for it.
 */
final class ExecutableCheck {
  static final int MULTIBOOT_SEARCH_BYTES = 8192;
  /** The size of a 32-bit ELF header, the smaller of the two. */
  private static final int ELF_HEADER_BYTES = 52;
  private static final int MULTIBOOT_MAGIC = 0x1BADB002;
  private static final int MULTIBOOT2_MAGIC = 0xE85250D6;

  private ExecutableCheck() {}

  /** Fails unless {@code path} is a readable regular ELF file. Returns its first 8 KiB. */
  static byte[] requireElf(String field, Path path) {
    if (path == null) {
      throw new InvalidSpecException(field, null, "is required: give the path of an ELF file");
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidSpecException(field, path, "does not exist or is not a regular file: check the path");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(MULTIBOOT_SEARCH_BYTES);
    } catch (IOException e) {
      throw new InvalidSpecException(field, path, "cannot be read (" + e.getMessage() + "): check its permissions");
    }
    if (head.length < ELF_HEADER_BYTES && startsWithElfMagic(head)) {
      throw new InvalidSpecException(field, path, "is truncated: " + head.length + " bytes, too short for an ELF header ("
          + ELF_HEADER_BYTES + " bytes at least): copy or build the binary again");
    }
    if (head.length < ELF_HEADER_BYTES || !startsWithElfMagic(head)) {
      throw new InvalidSpecException(field, path,
          "is not an ELF executable (no \\x7fELF magic): give the compiled HermitCore binary, not a script or archive");
    }
    return head;
  }

  private static boolean startsWithElfMagic(byte[] head) {
    return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
  }

  /** Fails unless the head of the loader holds a valid Multiboot 1 header. */
  static void requireMultiboot(String field, Path path, byte[] head) {
    ByteBuffer buf = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    boolean sawMultiboot2 = false;
    for (int off = 0; off + 12 <= head.length; off += 4) {
      int magic = buf.getInt(off);
      if (magic == MULTIBOOT_MAGIC) {
        int flags = buf.getInt(off + 4);
        int checksum = buf.getInt(off + 8);
        if (magic + flags + checksum == 0) {
          return;
        }
      } else if (magic == MULTIBOOT2_MAGIC && off % 8 == 0) {
        sawMultiboot2 = true;
      }
    }
    String rule = sawMultiboot2
        ? "has only a Multiboot 2 header: the image boots with GRUB's 'multiboot' command, which needs a"
            + " Multiboot 1 header (magic 0x1BADB002) in the first 8 KiB"
        : "has no Multiboot header (magic 0x1BADB002 with a valid checksum) in its first 8 KiB: give the"
            + " loader (such as ldhermit.elf) as loader and the application as module";
    throw new InvalidSpecException(field, path, rule);
  }
}
