package dev.hermitcloud.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * Writes small files that look like ELF binaries, with or without a Multiboot header, for validation
 * tests that never boot them.
 */
public final class TestElf {
  private TestElf() {}

  /** An ELF file with a valid Multiboot 1 header at offset 64, and {@code payload} random bytes after it. */
  public static Path loader(Path dir, String name, int payload, long seed) throws IOException {
    ByteBuffer buf = elf(payload);
    buf.putInt(64, 0x1BADB002).putInt(68, 0x00010003).putInt(72, -(0x1BADB002 + 0x00010003));
    return write(dir, name, buf, seed);
  }

  /** An ELF file without any Multiboot header. */
  public static Path module(Path dir, String name, int payload, long seed) throws IOException {
    return write(dir, name, elf(payload), seed);
  }

  /** An ELF file with only a Multiboot 2 header. */
  public static Path multiboot2Only(Path dir, String name) throws IOException {
    ByteBuffer buf = elf(0);
    buf.putInt(64, 0xE85250D6).putInt(68, 0).putInt(72, 24).putInt(76, -(0xE85250D6 + 24));
    return write(dir, name, buf, 0);
  }

  /** An ELF whose Multiboot magic is present but whose checksum is wrong. */
  public static Path badChecksum(Path dir, String name) throws IOException {
    ByteBuffer buf = elf(0);
    buf.putInt(64, 0x1BADB002).putInt(68, 3).putInt(72, 12345);
    return write(dir, name, buf, 0);
  }

  private static ByteBuffer elf(int payload) {
    ByteBuffer buf = ByteBuffer.allocate(128 + payload).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
    buf.putShort(16, (short) 2).putShort(18, (short) 3);
    return buf;
  }

  private static Path write(Path dir, String name, ByteBuffer buf, long seed) throws IOException {
    byte[] bytes = buf.array();
    byte[] noise = new byte[bytes.length - 128];
    new Random(seed).nextBytes(noise);
    System.arraycopy(noise, 0, bytes, 128, noise.length);
    Path file = dir.resolve(name);
    // Written beside and moved into place: another JVM of the same test (KilledRunTest's children) may be
    // reading the same file, and must see the old bytes or the new ones, never a truncated file.
    Path partial = Files.createTempFile(dir, name, ".partial");
    Files.write(partial, bytes);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
