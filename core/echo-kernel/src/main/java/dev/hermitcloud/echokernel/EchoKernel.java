package dev.hermitcloud.echokernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The echo kernel: a 32-bit Multiboot (v1) ELF, built from {@code src/main/c} by gcc when this module is
 * built, that answers HTTP like the HermitCore tutorial's Go echo server. It finds a virtio-net (legacy or
 * modern), e1000 or rtl8139 NIC on PCI, takes an address by DHCP (or {@code ip=A.B.C.D/N gw=A.B.C.D}),
 * and serves {@code port=N} (default {@value #DEFAULT_PORT}).
 *
 * <p>Boot it with GRUB ({@code multiboot /boot/echo-kernel.elf port=8000}) or directly with QEMU:
 * {@code qemu-system-x86_64 -kernel echo-kernel.elf -append port=8000 ...}. It logs to COM1, one line
 * each, every line starting with {@link #PREFIX}; once it serves it prints {@link #listeningLine(int)}.
 */
public final class EchoKernel {
  /** Every line the kernel prints on COM1 starts with this. */
  public static final String PREFIX = "echo-kernel: ";

  /** The TCP port served without a {@code port=} on the command line. */
  public static final int DEFAULT_PORT = 8000;

  /** The kernel's classpath resource (absolute), as the jar holds it. */
  public static final String ELF_RESOURCE = "/dev/hermitcloud/echokernel/echo-kernel.elf";

  /** The file name {@link #writeTo(Path)} uses. */
  public static final String FILE_NAME = "echo-kernel.elf";

  /** The line printed once the kernel has an address and serves {@link #DEFAULT_PORT}. */
  public static final String LISTENING = listeningLine(DEFAULT_PORT);

  private EchoKernel() {}

  /** The line printed once the kernel has an address and serves {@code port}. */
  public static String listeningLine(int port) {
    return PREFIX + "listening on port " + port;
  }

  /** The kernel command line that serves {@code port}; GRUB and QEMU may put the file name before it. */
  public static String commandLine(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535: " + port);
    }
    return "port=" + port;
  }

  /** The kernel's bytes. */
  public static byte[] elf() {
    try (InputStream in = EchoKernel.class.getResourceAsStream(ELF_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ELF_RESOURCE + " is missing from the classpath: build hermit-cloud-echo-kernel"
            + " with Maven (it needs gcc and binutils: apt-get install gcc binutils)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the kernel as {@value #FILE_NAME} into {@code directory} (created if needed) and returns the file. */
  public static Path writeTo(Path directory) throws IOException {
    Files.createDirectories(directory);
    return Files.write(directory.resolve(FILE_NAME), elf());
  }

  /** The kernel's lines in a serial console transcript: prefix kept, line ends and anything before it removed. */
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
}
