package dev.hermitcloud.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A tiny Multiboot (version 1) kernel for trying and testing images without a HermitCore toolchain. It is
 * assembled here from {@link DemoKernelProgram}, a commented instruction listing, so it can be produced on
 * any machine with a JVM.
 *
 * <p>Booted by GRUB it prints to COM1 (0x3f8, 115200 8N1), one line each:
 *
 * <pre>
 * hermit-demo: magic 2badb002
 * hermit-demo: cmdline [THE KERNEL COMMAND LINE]
 * hermit-demo: modules 2
 * hermit-demo: module 0 size 12345 crc32 1a2b3c4d cmdline [THE MODULE'S STRING]
 * hermit-demo: module 1 size 678 crc32 9e8f7a6b cmdline [...]
 * hermit-demo: done
 * </pre>
 *
 * <p>Sizes are decimal bytes; {@code crc32} is the CRC-32 of zlib and {@link java.util.zip.CRC32}, in
 * hex. Then it writes {@link #EXIT_VALUE} to I/O port {@link #EXIT_PORT}, which makes a QEMU started with
 * {@code -device isa-debug-exit,iobase=0xf4,iosize=0x04} exit with status {@link #QEMU_EXIT_STATUS}; on
 * anything else it halts.
 *
 * <p>{@code java -cp hermit-cloud-demo-kernel.jar dev.hermitcloud.demo.DemoKernel demo.elf} writes the kernel;
 * {@code --listing} prints its annotated machine code instead.
 */
public final class DemoKernel {
  /** Every line the kernel prints starts with this. */
  public static final String PREFIX = "hermit-demo: ";

  /** The last line the kernel prints. */
  public static final String DONE = PREFIX + "done";

  /** QEMU's isa-debug-exit port the kernel writes to when done. */
  public static final int EXIT_PORT = 0xf4;

  /** The value written to {@link #EXIT_PORT}. */
  public static final int EXIT_VALUE = 0x10;

  /** QEMU's exit status after the kernel wrote {@link #EXIT_VALUE}: {@code (value << 1) | 1}. */
  public static final int QEMU_EXIT_STATUS = (EXIT_VALUE << 1) | 1;

  private static final Assembled ASSEMBLED = assemble();

  private DemoKernel() {}

  /** The kernel: an ELF32 i386 executable with a Multiboot header. */
  public static byte[] elf() {
    return ASSEMBLED.elf.clone();
  }

  /** Writes the kernel to {@code file} and returns it. */
  public static Path writeTo(Path file) throws IOException {
    return Files.write(file, ASSEMBLED.elf);
  }

  /** The kernel's machine code as address, bytes and assembly, one instruction a line. */
  public static String listing() {
    return ASSEMBLED.listing;
  }

  /** A module as the demo kernel reports it: the file GRUB loaded and its command line. */
  public record Module(Path path, String args) {}

  /**
   * The lines (without line ends) the kernel prints when GRUB boots it with {@code cmdline} and these
   * modules, every command line passed through unchanged. Reads the module files.
   */
  public static List<String> expectedOutput(String cmdline, List<Module> modules) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(PREFIX + "magic 2badb002");
    lines.add(PREFIX + "cmdline [" + cmdline + "]");
    lines.add(PREFIX + "modules " + modules.size());
    for (int i = 0; i < modules.size(); i++) {
      Module module = modules.get(i);
      CRC32 crc = new CRC32();
      long size = 0;
      try (InputStream in = Files.newInputStream(module.path())) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; size += n) {
          crc.update(buffer, 0, n);
        }
      }
      lines.add(String.format("%smodule %d size %d crc32 %08x cmdline [%s]", PREFIX, i, size, crc.getValue(),
          module.args()));
    }
    lines.add(DONE);
    return lines;
  }

  /** The kernel's lines in a serial console transcript, line ends and anything before the prefix removed. */
  public static List<String> reportIn(String serialOutput) {
    List<String> lines = new ArrayList<>();
    for (String line : serialOutput.split("\n")) {
      int at = line.indexOf(PREFIX);
      if (at >= 0) {
        lines.add(line.substring(at).replace("\r", ""));
      }
    }
    return lines;
  }

  /** Writes the kernel to the file named by the first argument, or prints the listing with {@code --listing}. */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    if (args.length == 1 && args[0].equals("--listing")) {
      out.print(listing());
    } else if (args.length == 1) {
      out.println("wrote " + writeTo(Path.of(args[0])));
    } else {
      out.println("usage: DemoKernel FILE | --listing");
      System.exit(2);
    }
  }

  private static Assembled assemble() {
    Assembler asm = new Assembler(DemoKernelProgram.LOAD_ADDRESS + Elf32Executable.HEADERS_SIZE);
    DemoKernelProgram.write(asm, EXIT_PORT, EXIT_VALUE);
    byte[] body = asm.assemble();
    byte[] elf = Elf32Executable.build(
        DemoKernelProgram.LOAD_ADDRESS, asm.address("start"), body, asm.bssSize());
    String header = String.format("; ELF32 i386 executable loaded at 0x%x, entry 0x%x, %d bytes + %d bytes bss%n",
        DemoKernelProgram.LOAD_ADDRESS, asm.address("start"), elf.length, asm.bssSize());
    return new Assembled(elf, header + asm.listing());
  }

  private record Assembled(byte[] elf, String listing) {}
}
