package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The qcow2 inspection against files made by qemu-img. */
class DiskFormatCheckTest {
  @TempDir Path dir;

  private static byte[] head(byte[] data) {
    return Arrays.copyOf(data, Math.min(data.length, DiskFormatCheck.HEAD_BYTES));
  }

  private byte[] qemuImg(String size, String... options) throws Exception {
    return Qcow2Files.create(dir, size, options);
  }

  @Test
  void acceptsQcow2Version3And2() throws Exception {
    byte[] v3 = qemuImg("64M", "-o", "compat=1.1");
    byte[] v2 = qemuImg("64M", "-o", "compat=0.10");
    assertThat(DiskFormatCheck.problem("qcow2", head(v3))).isNull();
    assertThat(DiskFormatCheck.problem("qcow2", head(v2))).isNull();
    assertThat(DiskFormatCheck.virtualSize("qcow2", head(v3))).isEqualTo(64L << 20);
  }

  @Test
  void rejectsABackingFile() throws Exception {
    Path base = dir.resolve("base.qcow2");
    Files.write(base, qemuImg("64M"));
    byte[] overlay = qemuImg("64M", "-F", "qcow2", "-b", base.toString());
    assertThat(DiskFormatCheck.problem("qcow2", head(overlay))).contains("backing file");
  }

  @Test
  void rejectsIncompatibleFeaturesAndForeignData() throws Exception {
    byte[] v3 = head(qemuImg("64M", "-o", "compat=1.1"));
    ByteBuffer.wrap(v3).putLong(72, 1L << 2); // external data file
    assertThat(DiskFormatCheck.problem("qcow2", v3)).contains("incompatible features");
    assertThat(DiskFormatCheck.problem("qcow2", new byte[512])).contains("not qcow2");
    assertThat(DiskFormatCheck.problem("qcow2", new byte[10])).contains("shorter");
  }

  @Test
  void rawAcceptsAnything() {
    assertThat(DiskFormatCheck.problem("raw", new byte[0])).isNull();
    assertThat(DiskFormatCheck.problem("raw", "QFI\u00fb".getBytes())).isNull();
  }
}
