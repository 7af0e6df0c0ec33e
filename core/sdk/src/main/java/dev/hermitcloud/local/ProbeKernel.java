package dev.hermitcloud.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The smallest Multiboot kernel that proves a guest runs: it writes {@value #GREETING} to COM1 and powers
 * QEMU off through {@code isa-debug-exit}. Written out byte by byte here rather than taken from the demo
 * kernel so that choosing an accelerator never depends on anything but this class.
 */
final class ProbeKernel {
  /** What the kernel prints, a line of its own. */
  static final String GREETING = "hermit-kvm-probe ok";
  /** QEMU's exit status after the kernel writes 0 to port 0xf4: {@code (0 << 1) | 1}. */
  static final int EXIT_STATUS = 1;

  private static final int LOAD_ADDRESS = 0x100000;
  private static final int ELF_HEADER = 52;
  private static final int PROGRAM_HEADER = 32;
  private static final int MULTIBOOT_HEADER = 12;

  private ProbeKernel() {}

  /** The kernel as a 32-bit ELF executable that QEMU's {@code -kernel} loads. */
  static byte[] elf() {
    byte[] code = code();
    int codeOffset = ELF_HEADER + PROGRAM_HEADER + MULTIBOOT_HEADER;
    int size = codeOffset + code.length;
    ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    // ELF header: 32-bit, little-endian, executable for the 386, one program header right after it.
    elf.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    elf.putShort((short) 2).putShort((short) 3).putInt(1).putInt(LOAD_ADDRESS + codeOffset).putInt(ELF_HEADER)
        .putInt(0).putInt(0).putShort((short) ELF_HEADER).putShort((short) PROGRAM_HEADER).putShort((short) 1)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0);
    // One loadable segment: the whole file at 1 MiB, where Multiboot kernels live.
    elf.putInt(1).putInt(0).putInt(LOAD_ADDRESS).putInt(LOAD_ADDRESS).putInt(size).putInt(size).putInt(5).putInt(0x1000);
    // Multiboot 1 header, no flags: the loader takes the layout from the ELF headers.
    int magic = 0x1BADB002;
    elf.putInt(magic).putInt(0).putInt(-magic);
    elf.put(code);
    return elf.array();
  }

  /** {@code out} each byte of the greeting to 0x3f8, then 0 to 0xf4, then halt forever. */
  private static byte[] code() {
    ByteBuffer code = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    code.put(new byte[] {0x66, (byte) 0xBA, (byte) 0xF8, 0x03}); // mov dx, 0x3f8
    for (byte b : (GREETING + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
      code.put((byte) 0xB0).put(b).put((byte) 0xEE); // mov al, b; out dx, al
    }
    code.put(new byte[] {0x66, (byte) 0xBA, (byte) 0xF4, 0x00}); // mov dx, 0xf4
    code.put(new byte[] {(byte) 0xB0, 0x00, (byte) 0xEE}); // mov al, 0; out dx, al
    code.put(new byte[] {(byte) 0xF4, (byte) 0xEB, (byte) 0xFD}); // hlt; jmp back to hlt
    byte[] bytes = new byte[code.position()];
    code.flip().get(bytes);
    return bytes;
  }
}
