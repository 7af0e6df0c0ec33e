package dev.hermitcloud.echokernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java face of the kernel: the resource in the jar and the constants callers match the log against. */
class EchoKernelTest {
  @Test
  void theJarHoldsA32BitMultibootElf() {
    byte[] elf = EchoKernel.elf();
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(elf).startsWith(0x7f, 'E', 'L', 'F');
    assertThat(elf[4]).as("ELFCLASS32").isEqualTo((byte) 1);
    assertThat(b.getShort(16)).as("ET_EXEC").isEqualTo((short) 2);
    assertThat(b.getShort(18)).as("EM_386").isEqualTo((short) 3);
    assertThat(multibootHeaderOffset(b)).as("Multiboot v1 header in the first 8 KiB").isBetween(0, 8192 - 12);
  }

  @Test
  void writeToPutsTheKernelInTheDirectory(@TempDir Path dir) throws IOException {
    Path file = EchoKernel.writeTo(dir.resolve("boot"));

    assertThat(file).isEqualTo(dir.resolve("boot").resolve(EchoKernel.FILE_NAME));
    assertThat(Files.readAllBytes(file)).isEqualTo(EchoKernel.elf());
  }

  @Test
  void theConstantsSayWhatTheKernelPrints() {
    assertThat(EchoKernel.LISTENING).isEqualTo("echo-kernel: listening on port 8000");
    assertThat(EchoKernel.listeningLine(8080)).isEqualTo("echo-kernel: listening on port 8080");
    assertThat(EchoKernel.commandLine(8080)).isEqualTo("port=8080");
    assertThatThrownBy(() -> EchoKernel.commandLine(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(EchoKernel.elf()).containsSequence(EchoKernel.PREFIX.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void reportInKeepsTheKernelsLinesOnly() {
    String serial = "SeaBIOS noise\r\necho-kernel: booting, command line []\r\nxx echo-kernel: link up\r\n";

    assertThat(EchoKernel.reportIn(serial)).containsExactly("echo-kernel: booting, command line []",
        "echo-kernel: link up");
  }

  @Test
  void aMissingQemuNamesTheDebianPackage() {
    assertThatThrownBy(() -> QemuGuest.find(QemuGuest.QEMU, QemuGuest.QEMU_PACKAGE, List.of("/nonexistent")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apt-get install qemu-system-x86");
  }

  /** Offset of a valid header (magic 0x1BADB002, magic + flags + checksum == 0) in the file, or -1. */
  static int multibootHeaderOffset(ByteBuffer b) {
    for (int i = 0; i + 12 <= Math.min(8192, b.capacity()); i += 4) {
      if (b.getInt(i) == 0x1BADB002 && b.getInt(i) + b.getInt(i + 4) + b.getInt(i + 8) == 0) {
        return i;
      }
    }
    return -1;
  }
}
