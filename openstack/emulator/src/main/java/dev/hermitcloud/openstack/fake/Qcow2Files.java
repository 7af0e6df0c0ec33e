package dev.hermitcloud.openstack.fake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: real qcow2 files made by {@code qemu-img create}. */
final class Qcow2Files {
  private Qcow2Files() {}

  /**
   * An empty qcow2 of the given virtual size (e.g. {@code "1G"}), v3 unless {@code options} say
   * otherwise (e.g. {@code "-o", "compat=0.10"} or {@code "-b", base, "-F", "qcow2"}).
   */
  static byte[] create(Path dir, String size, String... options)
      throws IOException, InterruptedException {
    Path file = dir.resolve("disk-" + System.nanoTime() + ".qcow2");
    List<String> cmd = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", "qcow2"));
    cmd.addAll(List.of(options));
    cmd.add(file.toString());
    cmd.add(size);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("qemu-img failed: " + out);
    }
    return Files.readAllBytes(file);
  }
}
