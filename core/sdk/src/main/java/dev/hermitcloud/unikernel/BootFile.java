package dev.hermitcloud.unikernel;

import dev.hermitcloud.internal.validation.Check;

import java.nio.file.Path;
import org.immutables.value.Value;

/** One file GRUB loads from {@code /boot}: the Multiboot loader or a module, with its command line. */
@Value.Immutable
public abstract class BootFile {
  /** Where the file is on this machine. */
  public abstract Path path();

  /** The command line GRUB passes with the file; empty for none. */
  @Value.Default
  public String args() {
    return "";
  }

  /** The file's name under {@code /boot} in the image; the local file name unless renamed. */
  @Value.Default
  public String bootName() {
    Path fileName = path().getFileName();
    return fileName == null ? "" : fileName.toString();
  }

  /** The file with its command line. */
  public static BootFile of(Path path, String args) {
    Check.required("bootFile.path", path, "give the file, e.g. BootFile.of(Path.of(\"ldhermit.elf\"), \"\")");
    return ImmutableBootFile.builder().path(path).args(args == null ? "" : args).build();
  }

  /** The same file under another name in {@code /boot}. */
  public BootFile renamed(String bootName) {
    return ImmutableBootFile.builder().from(this).bootName(bootName).build();
  }
}
