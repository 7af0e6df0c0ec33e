package dev.hermitcloud.local;

import dev.hermitcloud.host.HostTools;
import dev.hermitcloud.host.MissingHostToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code qemu-system-x86_64}, or says which package to install. */
final class Qemu {
  static final String BINARY = "qemu-system-x86_64";
  static final String PACKAGE = "qemu-system-x86";

  private Qemu() {}

  static Path locate(Optional<Path> configured) {
    if (configured.isPresent()) {
      if (!Files.isExecutable(configured.get())) {
        throw new MissingHostToolException(configured.get().toString(), PACKAGE, "not an executable file");
      }
      return configured.get();
    }
    return HostTools.require(BINARY, PACKAGE);
  }
}
