package dev.hermitcloud.image;

import dev.hermitcloud.host.MissingHostToolException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GRUB's boot code comes from the host; when it is missing the error says which package to install. */
class HostGrubTest {
  @TempDir Path dir;

  @Test
  void makesCoreImageOnceAndTakesTheMbrCodeFromBootImg() throws Exception {
    GrubBootCode code = HostGrub.system().bootCode();

    assertThat(HostGrub.system().bootCode()).isSameAs(code);
    byte[] bootImg = Files.readAllBytes(Path.of("/usr/lib/grub/i386-pc/boot.img"));
    assertThat(code.mbrCode()).isEqualTo(Arrays.copyOf(bootImg, 440));
    assertThat(code.coreSectors()).isBetween(2L, 2047L);
  }

  @Test
  void missingPlatformDirectoryNamesGrubPcBin() {
    HostGrub grub = new HostGrub(dir.resolve("no-grub"), "grub-mkimage");

    MissingHostToolException e = catchThrowableOfType(grub::bootCode, MissingHostToolException.class);

    assertThat(e.debianPackage()).isEqualTo("grub-pc-bin");
    assertThat(e.getMessage()).contains("apt-get install grub-pc-bin");
  }

  @Test
  void missingGrubMkimageNamesGrubPcBin() throws Exception {
    Unikernel unikernel = Unikernel.named("no-grub")
        .loader(TestUnikernels.demoKernel(dir))
        .module(TestUnikernels.module(dir, "app", 10, 1))
        .build();
    HostGrub grub = new HostGrub(Path.of("/usr/lib/grub/i386-pc"), "grub-mkimage-that-is-not-installed");

    MissingHostToolException e =
        catchThrowableOfType(() -> DiskImageBuilder.build(unikernel, 1, grub), MissingHostToolException.class);

    assertThat(e.tool()).isEqualTo("grub-mkimage-that-is-not-installed");
    assertThat(e.getMessage()).contains("not found on PATH", "grub-pc-bin");
  }
}
