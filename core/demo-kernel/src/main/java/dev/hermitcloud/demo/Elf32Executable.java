package dev.hermitcloud.demo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The smallest ELF32 i386 executable: an ELF header, one program header, then the body. The whole file,
 * headers included, is one loadable segment at {@code loadAddress}, so the body starts at {@code
 * loadAddress + HEADERS_SIZE} and a Multiboot header placed first in the body is well inside the first
 * 8 KiB, where GRUB looks for it.
 */
final class Elf32Executable {
  /** ELF header (52 bytes) plus one program header (32 bytes). */
  static final int HEADERS_SIZE = 52 + 32;

  private static final short ET_EXEC = 2;
  private static final short EM_386 = 3;
  private static final int PT_LOAD = 1;
  private static final int PF_RWX = 7;

  private Elf32Executable() {}

  /**
   * The file bytes.
   *
   * @param loadAddress physical and virtual address of the file's first byte
   * @param entry address of the first instruction
   * @param body what follows the headers
   * @param bssSize zeroed bytes the loader reserves after the body
   */
  static byte[] build(int loadAddress, int entry, byte[] body, int bssSize) {
    int fileSize = HEADERS_SIZE + body.length;
    ByteBuffer elf = ByteBuffer.allocate(fileSize).order(ByteOrder.LITTLE_ENDIAN);
    elf.put(new byte[] {0x7f, 'E', 'L', 'F', 1 /* 32-bit */, 1 /* little-endian */, 1 /* version */});
    elf.position(16);
    elf.putShort(ET_EXEC).putShort(EM_386).putInt(1 /* e_version */);
    elf.putInt(entry).putInt(52 /* e_phoff */).putInt(0 /* e_shoff: no sections */).putInt(0 /* e_flags */);
    elf.putShort((short) 52 /* e_ehsize */).putShort((short) 32 /* e_phentsize */).putShort((short) 1);
    elf.putShort((short) 0 /* e_shentsize */).putShort((short) 0 /* e_shnum */).putShort((short) 0);
    elf.putInt(PT_LOAD).putInt(0 /* p_offset */).putInt(loadAddress).putInt(loadAddress);
    elf.putInt(fileSize).putInt(fileSize + bssSize).putInt(PF_RWX).putInt(0x1000 /* p_align */);
    elf.put(body);
    return elf.array();
  }
}
