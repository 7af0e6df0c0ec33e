package dev.hermitcloud.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A module for the {@link DemoKernel}: an ELF32 file whose only segment is a payload of your choice. GRUB
 * loads modules as opaque bytes, so any ELF will do; this one makes it easy to boot an image whose module
 * sizes and checksums are known in advance.
 */
public final class DemoModule {
  private static final int LOAD_ADDRESS = 0x400000;

  private DemoModule() {}

  /** An ELF file carrying {@code payload} right after its headers. */
  public static byte[] elf(byte[] payload) {
    return Elf32Executable.build(LOAD_ADDRESS, LOAD_ADDRESS + Elf32Executable.HEADERS_SIZE, payload, 0);
  }

  /** Writes {@link #elf(byte[])} to {@code file} and returns it. */
  public static Path writeTo(Path file, byte[] payload) throws IOException {
    return Files.write(file, elf(payload));
  }
}
