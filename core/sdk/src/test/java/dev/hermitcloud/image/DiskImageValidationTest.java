package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs an image cannot be built from fail before anything is written, naming the field and the fix. */
class DiskImageValidationTest {
  @TempDir Path dir;

  @Test
  void contentLargerThanTheDiskNamesTheSizeNeeded() throws IOException {
    Unikernel unikernel = Unikernel.named("too-big")
        .loader(TestUnikernels.demoKernel(dir))
        .module(sparseModule("huge", 1536L << 20))
        .build();

    InvalidSpecException e = catchThrowableOfType(() -> DiskImage.of(unikernel, 1), InvalidSpecException.class);

    assertThat(e.field()).isEqualTo("image.diskGib");
    assertThat(e.getMessage()).contains("needs 2 GiB", "MiB of files");
  }

  @Test
  void aModuleThatAlmostFillsTheNextSizeNeedsOneMore() throws IOException {
    Unikernel unikernel = Unikernel.named("too-big")
        .loader(TestUnikernels.demoKernel(dir))
        .module(sparseModule("huge", (3L << 30) - (2 << 20)))
        .build();

    InvalidSpecException e = catchThrowableOfType(() -> DiskImage.of(unikernel, 2), InvalidSpecException.class);

    assertThat(e.field()).isEqualTo("image.diskGib");
    assertThat(e.getMessage()).contains("needs 4 GiB");
  }

  @Test
  void diskSizeOutsideOneTo2048GibIsRejected() throws IOException {
    Unikernel unikernel = Unikernel.named("sizes")
        .loader(TestUnikernels.demoKernel(dir))
        .module(TestUnikernels.module(dir, "app", 10, 1))
        .build();

    assertThat(catchThrowableOfType(() -> DiskImage.of(unikernel, 0), InvalidSpecException.class).field())
        .isEqualTo("image.diskGib");
    assertThat(catchThrowableOfType(() -> DiskImage.of(unikernel, 2049), InvalidSpecException.class).field())
        .isEqualTo("image.diskGib");
  }

  @Test
  void commandLinesGrubWouldChangeAreRejectedWithTheFixBeforeAnyImageIsBuilt() throws IOException {
    Path loader = TestUnikernels.demoKernel(dir);
    Path module = TestUnikernels.module(dir, "app", 10, 1);

    InvalidSpecException loaderError = catchThrowableOfType(
        () -> Unikernel.named("quotes").loader(loader, "say=\"hi\"").module(module).build(), InvalidSpecException.class);
    InvalidSpecException moduleError = catchThrowableOfType(
        () -> Unikernel.named("quotes").loader(loader).module(module, "it's").build(), InvalidSpecException.class);

    assertThat(loaderError.field()).isEqualTo("unikernel.loader.args");
    assertThat(loaderError.getMessage()).contains("\\\"");
    assertThat(moduleError.field()).isEqualTo("unikernel.modules[0].args");
    assertThat(moduleError.getMessage()).contains("\\'");
  }

  /** An ELF module of {@code size} bytes that takes no space: its header, then a hole. */
  private Path sparseModule(String name, long size) throws IOException {
    Path module = DemoModule.writeTo(dir.resolve(name), new byte[16]);
    try (RandomAccessFile file = new RandomAccessFile(module.toFile(), "rw")) {
      file.setLength(size);
    }
    return module;
  }
}
