package dev.hermitcloud.local;

import dev.hermitcloud.internal.host.HostTools;
import java.nio.file.Path;
import java.util.Optional;

/** Finds {@code qemu-system-x86_64}, or says which package to install. */
final class Qemu {
  static final String BINARY = "qemu-system-x86_64";
  static final String PACKAGE = "qemu-system-x86";

  private Qemu() {}

  static Path locate(Optional<Path> configured) {
    return HostTools.require(configured.map(Path::toString).orElse(BINARY), PACKAGE);
  }
}
