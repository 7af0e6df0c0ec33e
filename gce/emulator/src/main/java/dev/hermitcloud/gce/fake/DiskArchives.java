package dev.hermitcloud.gce.fake;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds image archives for tests with GNU tar on sparse files in a temporary directory. */
final class DiskArchives {
  static final long GIB = 1L << 30;

  private final Path dir;

  DiskArchives(Path dir) {
    this.dir = dir;
  }

  /** A sparse file of {@code size} bytes with a little text written at each offset. */
  Path sparseFile(String name, long size, long... dataOffsets) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
      for (long offset : dataOffsets) {
        raf.seek(offset);
        raf.write(("data at " + offset).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return file;
  }

  /** Runs {@code tar --format=FORMAT -S -c[z]f} on members relative to the directory. */
  byte[] tar(String format, boolean gzip, String... members) throws IOException {
    Path out = Files.createTempFile(dir, "archive", gzip ? ".tar.gz" : ".tar");
    List<String> cmd = new ArrayList<>(List.of("tar", "--format=" + format, "-S",
        gzip ? "-czf" : "-cf", out.toString(), "-C", dir.toString()));
    cmd.addAll(List.of(members));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("tar failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    byte[] bytes = Files.readAllBytes(out);
    Files.delete(out);
    return bytes;
  }
}
