package dev.hermitcloud.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.InvalidSpecException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo kernel is a valid Multiboot ELF whose listing matches its bytes; BootTest runs it under GRUB. */
class DemoKernelTest {
  @TempDir Path dir;

  @Test
  void isAcceptedAsLoaderAndDemoModulesAsModules() throws Exception {
    Unikernel unikernel = Unikernel.named("demo")
        .loader(DemoKernel.writeTo(dir.resolve("demo.elf")), "-uart=io:0x3f8")
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {1, 2, 3}), "a b")
        .build();

    assertThat(unikernel.loader().bootName()).isEqualTo("demo.elf");
  }

  @Test
  void aDemoModuleIsNoLoader() throws Exception {
    Path module = DemoModule.writeTo(dir.resolve("app"), new byte[100]);

    InvalidSpecException e = catchThrowableOfType(
        () -> Unikernel.named("demo").loader(module).module(module).build(), InvalidSpecException.class);

    assertThat(e.field()).isEqualTo("unikernel.loader.path");
  }

  @Test
  void isAnElf32ExecutableWithAMultibootHeaderAtItsStart() {
    ByteBuffer elf = ByteBuffer.wrap(DemoKernel.elf()).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(elf.getInt(0)).isEqualTo(0x464c457f);
    assertThat(elf.get(4)).as("ELFCLASS32").isEqualTo((byte) 1);
    assertThat(elf.getShort(18)).as("EM_386").isEqualTo((short) 3);
    int entry = elf.getInt(24);
    assertThat(entry).isBetween(0x100000 + 96, 0x100000 + elf.capacity() - 1);
    assertThat(elf.getInt(84)).isEqualTo(0x1BADB002);
    assertThat(elf.getInt(84) + elf.getInt(88) + elf.getInt(92)).isZero();
    assertThat(elf.getInt(52 + 16)).as("p_filesz").isEqualTo(elf.capacity());
    assertThat(elf.getInt(52 + 20)).as("p_memsz covers stack and table").isGreaterThan(elf.capacity() + 4096);
  }

  @Test
  void listingShowsEveryByteOfTheKernel() {
    byte[] elf = DemoKernel.elf();
    int checked = 0;
    for (String line : DemoKernel.listing().lines().toList()) {
      if (!line.matches("[0-9a-f]{8}  [0-9a-f]{2} .*")) {
        continue;
      }
      int offset = Integer.parseInt(line.substring(0, 8), 16) - 0x100000;
      String hex = line.substring(10, 36).replace("..", "").replace(" ", "");
      byte[] shown = HexFormat.of().parseHex(hex);
      for (int i = 0; i < shown.length; i++) {
        assertThat(elf[offset + i]).as(line).isEqualTo(shown[i]);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(DemoKernel.listing()).contains("mov esp, stack_top", "out dx, al", "xor eax, 0xEDB88320");
  }

  @Test
  void expectedOutputHasSizesAndCrc32OfTheModules() throws Exception {
    byte[] payload = "payload".getBytes(StandardCharsets.US_ASCII);
    Path module = DemoModule.writeTo(dir.resolve("app"), payload);
    Unikernel unikernel = Unikernel.named("demo")
        .loader(DemoKernel.writeTo(dir.resolve("demo.elf")), "x y")
        .module(module, "m")
        .build();
    CRC32 crc = new CRC32();
    crc.update(DemoModule.elf(payload));

    assertThat(DemoReport.expected(unikernel)).containsExactly(
        "hermit-demo: magic 2badb002",
        "hermit-demo: cmdline [x y]",
        "hermit-demo: modules 1",
        String.format("hermit-demo: module 0 size %d crc32 %08x cmdline [m]", payload.length + 84, crc.getValue()),
        "hermit-demo: done");
  }

  @Test
  void findsItsReportInAConsoleTranscript() {
    String serial = "\u001b[2J  Booting `x'\r\n\r\nhermit-demo: magic 2badb002\r\nnoise\r\nhermit-demo: done\r\n";

    assertThat(DemoKernel.reportIn(serial)).isEqualTo(List.of("hermit-demo: magic 2badb002", "hermit-demo: done"));
  }
}
