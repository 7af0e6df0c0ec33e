package dev.hermitcloud.unikernel;

import dev.hermitcloud.internal.grub.GrubCommandLine;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A HermitCore unikernel: a Multiboot loader (such as {@code ldhermit.elf}) and one or more modules (the
 * application ELF), each with a command line, exactly as GRUB's {@code multiboot} and {@code module}
 * lines take them.
 *
 * <pre>{@code
 * Unikernel echo = Unikernel.named("echo-server")
 *     .loader(Path.of("/opt/hermit/bin/ldhermit.elf"), "-uart=io:0x3f8")
 *     .module(Path.of("/opt/hermit/x86_64-hermit/extra/tests/server"))
 *     .build();
 * }</pre>
 *
 * <p>Every file is checked when the value is built: it exists, it is ELF, the loader carries a Multiboot
 * header, and names under {@code /boot} are unique.
 */
@Value.Immutable
public abstract class Unikernel {
  private static final Pattern BOOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  private static final int MAX_ARGS = 1024;

  /** The deployment name: every resource the SDK creates is named after it. */
  public abstract String name();

  /** The Multiboot kernel GRUB starts. */
  public abstract BootFile loader();

  /** The modules GRUB loads beside the loader, in order. */
  public abstract List<BootFile> modules();

  /** SHA-256 (hex) of every byte, name and argument that goes into the image. */
  @Value.Lazy
  public String contentHash() {
    return ContentHash.of(this);
  }

  /** Every boot file, the loader first. */
  public List<BootFile> bootFiles() {
    List<BootFile> all = new ArrayList<>(modules().size() + 1);
    all.add(loader());
    all.addAll(modules());
    return all;
  }

  /** Starts a unikernel definition; the name becomes the deployment name. */
  public static Definition.WithLoader named(String name) {
    return new Definition.Stages(name);
  }

  @Value.Check
  protected void check() {
    Check.nameWithRoom("unikernel.name", name(), 17);
    if (modules().isEmpty()) {
      throw new InvalidSpecException("unikernel.modules", "[]",
          "is empty: add the application with .module(path)");
    }
    byte[] head = checkFile("unikernel.loader", loader());
    ExecutableCheck.requireMultiboot("unikernel.loader.path", loader().path(), head);
    Set<String> names = new HashSet<>();
    names.add(loader().bootName());
    for (int i = 0; i < modules().size(); i++) {
      String field = "unikernel.modules[" + i + "]";
      checkFile(field, modules().get(i));
      if (!names.add(modules().get(i).bootName())) {
        throw new InvalidSpecException(field + ".bootName", modules().get(i).bootName(),
            "is used twice in /boot: rename one with BootFile.renamed(...)");
      }
    }
  }

  private static byte[] checkFile(String field, BootFile file) {
    Check.oneLine(field + ".args", file.args(), MAX_ARGS);
    try {
      GrubCommandLine.words(file.args());
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(field + ".args", file.args(), e.getMessage());
    }
    String bootName = file.bootName();
    if (!BOOT_NAME.matcher(bootName).matches() || bootName.equals("grub")) {
      throw new InvalidSpecException(field + ".bootName", bootName,
          "is not a usable file name in /boot: use 1-64 characters of letters, digits, '.', '_', '+', '-'"
              + " (not 'grub')");
    }
    return ExecutableCheck.requireElf(field + ".path", file.path());
  }

  /** The staged definition of a unikernel: loader first, then at least one module. */
  public interface Definition {
    /** The stage that needs the loader. */
    interface WithLoader {
      /** The Multiboot loader, with no command line. */
      default WithModule loader(Path path) {
        return loader(path, "");
      }

      /** The Multiboot loader and its command line, for example {@code -uart=io:0x3f8}. */
      WithModule loader(Path path, String args);
    }

    /** The stage that needs the first module. */
    interface WithModule {
      /** A module with no command line. */
      default WithCreate module(Path path) {
        return module(path, "");
      }

      /** A module and its command line. */
      WithCreate module(Path path, String args);

      /** A module given as a prepared {@link BootFile}, for example renamed. */
      WithCreate module(BootFile file);
    }

    /** The stage that can build, or take more modules. */
    interface WithCreate extends WithModule {
      /** Validates and returns the unikernel. */
      Unikernel build();
    }

    /** One mutable object behind all stages. */
    final class Stages implements WithLoader, WithCreate {
      private final ImmutableUnikernel.Builder builder = ImmutableUnikernel.builder();

      Stages(String name) {
        builder.name(Check.required("unikernel.name", name));
      }

      @Override
      public WithModule loader(Path path, String args) {
        builder.loader(BootFile.of(Check.required("unikernel.loader.path", path), args));
        return this;
      }

      @Override
      public WithCreate module(Path path, String args) {
        return module(BootFile.of(Check.required("unikernel.modules.path", path), args));
      }

      @Override
      public WithCreate module(BootFile file) {
        builder.addModules(file);
        return this;
      }

      @Override
      public Unikernel build() {
        return builder.build();
      }
    }
  }
}
