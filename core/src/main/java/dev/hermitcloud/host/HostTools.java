package dev.hermitcloud.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs on the PATH. */
public final class HostTools {
  private HostTools() {}

  /** The program {@code name} on the PATH, or a {@link MissingHostToolException} naming {@code debianPackage}. */
  public static Path require(String name, String debianPackage) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : (path + File.pathSeparator + "/usr/sbin:/sbin:/usr/bin:/bin").split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new MissingHostToolException(name, debianPackage, "not found on the PATH");
  }
}
