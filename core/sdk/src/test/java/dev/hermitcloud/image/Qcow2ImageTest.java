package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The qcow2 image, read by qemu-img: consistent, version 3 with 64 KiB clusters, and the same disk as the raw one. */
class Qcow2ImageTest {
  @TempDir static Path dir;
  static DiskImage image;
  static Path raw;
  static Path qcow2;

  @BeforeAll
  static void build() throws IOException {
    Unikernel unikernel = Unikernel.named("qcow2-test")
        .loader(TestUnikernels.demoKernel(dir))
        .module(TestUnikernels.module(dir, "server", 5_000_000, 4), "port=8000")
        .module(TestUnikernels.module(dir, "extra", 70_000, 5))
        .build();
    image = DiskImage.of(unikernel, 3);
    raw = dir.resolve("disk.raw");
    image.writeRaw(raw);
    qcow2 = dir.resolve("disk.qcow2");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(qcow2))) {
      image.writeQcow2(out);
    }
  }

  @Test
  void checksClean() throws Exception {
    String output = HostTool.QEMU_IMG.check("check", "-f", "qcow2", qcow2.toString());

    assertThat(output).contains("No errors were found on the image.").doesNotContain("leaked");
  }

  @Test
  void isTheSameDiskAsTheRawImage() throws Exception {
    String output = HostTool.QEMU_IMG.check("compare", "-f", "qcow2", "-F", "raw", qcow2.toString(), raw.toString());

    assertThat(output).contains("Images are identical.");
  }

  @Test
  void isVersion3WithTheExpectedGeometry() throws Exception {
    JsonNode info = new ObjectMapper().readTree(
        HostTool.QEMU_IMG.check("info", "--output=json", "-f", "qcow2", qcow2.toString()));

    assertThat(info.path("virtual-size").asLong()).isEqualTo(3L << 30);
    assertThat(info.path("cluster-size").asInt()).isEqualTo(65536);
    assertThat(info.path("backing-filename").isMissingNode()).isTrue();
    JsonNode data = info.path("format-specific").path("data");
    assertThat(data.path("compat").asText()).isEqualTo("1.1");
    assertThat(data.path("refcount-bits").asInt()).isEqualTo(16);
    assertThat(data.path("corrupt").asBoolean()).isFalse();
  }

  @Test
  void holdsOnlyClustersWithData() throws IOException {
    long metadata = 8L * 65536;
    assertThat(Files.size(qcow2)).isLessThan(image.allocatedBytes() + 40L * 65536 + metadata);
    byte[] header = new byte[112];
    try (var in = Files.newInputStream(qcow2)) {
      assertThat(in.readNBytes(header, 0, 112)).isEqualTo(112);
    }
    assertThat(header[103]).as("header_length").isEqualTo((byte) 112);
    assertThat(header[99]).as("refcount_order").isEqualTo((byte) 4);
  }
}
