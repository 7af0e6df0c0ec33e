package dev.hermitcloud.image;

import dev.hermitcloud.MissingHostToolException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GRUB's boot code comes from the host; when it is missing the error says which package to install. */
class HostGrubTest {
  @TempDir Path dir;

  @Test
  void runsGrubMkimageForBiosWithThePrefixAndModulesAndKeepsTheResult() throws Exception {
    Path platform = Files.createDirectory(dir.resolve("i386-pc"));
    byte[] bootImg = new byte[512];
    Arrays.fill(bootImg, (byte) 0x5a);
    Files.write(platform.resolve("boot.img"), bootImg);
    Files.writeString(platform.resolve("moddep.lst"), "");
    HostGrub grub = new HostGrub(platform, fakeMkimage().toString());

    GrubBootCode code = grub.bootCode();

    assertThat(code.mbrCode()).isEqualTo(Arrays.copyOf(bootImg, 440));
    String arguments = new String(code.coreImage(), StandardCharsets.UTF_8).strip();
    assertThat(arguments).startsWith("-O i386-pc -d " + platform + " -p (hd0,msdos1)/boot/grub -o ")
        .endsWith(" biosdisk part_msdos ext2 multiboot normal serial terminal boot");
    assertThat(grub.bootCode()).isSameAs(code);
  }

  @Test
  void hostGrubMakesACoreImageThatFitsBeforeThePartition() throws Exception {
    GrubBootCode code = HostGrub.system().bootCode();

    assertThat(code.mbrCode()).hasSize(440);
    assertThat(code.coreSectors()).isBetween(2L, 2047L);
    assertThat(HostGrub.system().bootCode()).isSameAs(code);
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
    HostGrub grub = new HostGrub(fakePlatform(), "grub-mkimage-that-is-not-installed");

    MissingHostToolException e =
        catchThrowableOfType(() -> DiskImageBuilder.build(unikernel, 1, grub), MissingHostToolException.class);

    assertThat(e.tool()).isEqualTo("grub-mkimage-that-is-not-installed");
    assertThat(e.getMessage()).contains("not found on PATH", "grub-pc-bin");
  }

  @Test
  void failingGrubMkimageIsAnErrorWithItsOutput() throws Exception {
    Path platform = fakePlatform();
    Path failing = script("failing-mkimage", "echo 'grub-mkimage: error: cannot open module' >&2; exit 1");

    IOException e = catchThrowableOfType(
        () -> new HostGrub(platform, failing.toString()).bootCode(), IOException.class);

    assertThat(e.getMessage()).contains("status 1", "cannot open module");
  }

  private Path fakePlatform() throws Exception {
    Path platform = Files.createDirectory(dir.resolve("fake-i386-pc"));
    Files.write(platform.resolve("boot.img"), new byte[512]);
    Files.writeString(platform.resolve("moddep.lst"), "");
    return platform;
  }

  /** A grub-mkimage that writes its own arguments as the core image. */
  private Path fakeMkimage() throws Exception {
    return script("fake-mkimage", """
        out=""
        prev=""
        for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
        echo "$@" > "$out"
        """);
  }

  private Path script(String name, String body) throws Exception {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
