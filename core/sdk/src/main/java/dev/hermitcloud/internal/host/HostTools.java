package dev.hermitcloud.internal.host;

import dev.hermitcloud.MissingHostToolException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs the SDK runs from this machine. */
public final class HostTools {
  private HostTools() {}

  /**
   * {@code program} itself if it is a path to an executable, else the program of that name on the PATH;
   * otherwise a {@link MissingHostToolException} naming {@code debianPackage}.
   */
  public static Path require(String program, String debianPackage) {
    if (program.contains(File.separator)) {
      Path path = Path.of(program);
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return path;
      }
      throw new MissingHostToolException(program, debianPackage, "not an executable file");
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new MissingHostToolException(program, debianPackage, "not found on PATH");
  }
}
