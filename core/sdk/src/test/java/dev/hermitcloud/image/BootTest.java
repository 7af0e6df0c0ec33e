package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoReport;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw disk boots in QEMU (TCG, even where KVM exists; no network) through GRUB into the demo
 * kernel, which reports the command lines, module sizes and checksums it was given.
 */
class BootTest {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void bootsTheLoaderWithItsModule() throws Exception {
    Unikernel unikernel = Unikernel.named("boot-test")
        .loader(TestUnikernels.demoKernel(dir), "-uart=io:0x3f8")
        .module(TestUnikernels.module(dir, "server", 300_000, 6))
        .build();

    List<String> report = boot(unikernel);

    assertThat(report).containsExactlyElementsOf(DemoReport.expected(unikernel));
    assertThat(report).contains("hermit-demo: cmdline [-uart=io:0x3f8]", "hermit-demo: modules 1");
  }

  @Test
  void passesSpacesQuotesAndShellCharactersThroughExactly() throws Exception {
    String loaderArgs = "-uart=io:0x3f8 \"two  spaces\" say=\\\"hi\\\" it\\'s $HOME;echo {x} back\\\\slash #not-a-comment ü";
    String firstArgs = " leading,  double and trailing ";
    String secondArgs = "--flag=\\\"1 2\\\" \"a \\'b\\'\" \\'c\\'";
    Unikernel unikernel = Unikernel.named("quoting-test")
        .loader(TestUnikernels.demoKernel(dir), loaderArgs)
        .module(TestUnikernels.module(dir, "first", 4096, 7), firstArgs)
        .module(TestUnikernels.module(dir, "second", 12_345, 8), secondArgs)
        .build();

    List<String> report = boot(unikernel);

    assertThat(report).containsExactlyElementsOf(DemoReport.expected(unikernel));
    assertThat(report.get(1)).isEqualTo("hermit-demo: cmdline [" + loaderArgs + "]");
    assertThat(report.get(3)).endsWith(" cmdline [" + firstArgs + "]");
    assertThat(report.get(4)).startsWith("hermit-demo: module 1 size 12429 ").endsWith(" cmdline [" + secondArgs + "]");
  }

  private List<String> boot(Unikernel unikernel) throws Exception {
    Path raw = dir.resolve("disk.raw");
    DiskImage.of(unikernel).writeRaw(raw);
    Path serial = dir.resolve("serial.log");
    HostTool.Result result = HostTool.QEMU.run(BOOT_TIMEOUT, null,
        "-machine", "pc", "-accel", "tcg", "-m", "128",
        "-display", "none", "-monitor", "none", "-serial", "file:" + serial,
        "-nic", "none", "-no-reboot", "-snapshot",
        "-drive", "file=" + raw + ",format=raw",
        "-device", "isa-debug-exit,iobase=" + DemoKernel.EXIT_PORT + ",iosize=0x04");
    String output = Files.exists(serial) ? new String(Files.readAllBytes(serial), StandardCharsets.UTF_8) : "";
    assertThat(result.exitCode()).as("QEMU exit status; serial output:\n%s\n%s", output, result.output())
        .isEqualTo(DemoKernel.QEMU_EXIT_STATUS);
    return DemoKernel.reportIn(output);
  }
}
