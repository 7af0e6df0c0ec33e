package dev.hermitcloud.openstack.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: real qcow2 files made by {@code qemu-img}. */
final class Qcow2Files {
  private Qcow2Files() {}

  /** An empty qcow2 v3 of the given virtual size, e.g. {@code "1G"}. */
  static byte[] create(Path dir, String size) throws IOException, InterruptedException {
    Path file = dir.resolve("disk-" + System.nanoTime() + ".qcow2");
    Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", "-o", "compat=1.1",
        file.toString(), size).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("qemu-img failed: " + out);
    }
    return Files.readAllBytes(file);
  }
}
