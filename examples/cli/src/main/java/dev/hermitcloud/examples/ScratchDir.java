package dev.hermitcloud.examples;

import dev.hermitcloud.internal.host.HostFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory for a script's files that does not outlive the JVM: it is deleted by
 * {@link #delete(Path)} at the end, and by a shutdown hook if the script stops before that (an exception,
 * Ctrl-C, {@code /exit} halfway), so no {@code /tmp/hermit-*} is left behind on any path.
 *
 * <pre>{@code
 * var work = ScratchDir.create("hermit-jshell");
 * ...
 * ScratchDir.delete(work);
 * }</pre>
 */
public final class ScratchDir {
  private ScratchDir() {}

  /** A new directory under {@code java.io.tmpdir}, its name starting with {@code prefix}. */
  public static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete " + dir));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory in " + System.getProperty("java.io.tmpdir"), e);
    }
  }

  /** Deletes {@code dir} and everything in it now. */
  public static void delete(Path dir) {
    try {
      HostFiles.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      HostFiles.deleteTree(dir);
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e.getMessage());
    }
  }
}
