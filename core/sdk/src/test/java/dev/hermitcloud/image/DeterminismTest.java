package dev.hermitcloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.unikernel.Unikernel;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal inputs give equal bytes in every output; any change in the inputs changes the content hash. */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void twoBuildsGiveIdenticalOutputs() throws Exception {
    Path loader = TestUnikernels.demoKernel(dir);
    Path module = TestUnikernels.module(dir, "server", 2_000_000, 9);
    Outputs first = outputs(DiskImage.of(unikernel(loader, module, "-uart=io:0x3f8")), "first");
    Outputs second = outputs(DiskImage.of(unikernel(loader, module, "-uart=io:0x3f8")), "second");

    assertThat(second).isEqualTo(first);
  }

  @Test
  void differentArgumentsOrSizesGiveDifferentImages() throws Exception {
    Path loader = TestUnikernels.demoKernel(dir);
    Path module = TestUnikernels.module(dir, "server", 100_000, 10);
    DiskImage base = DiskImage.of(unikernel(loader, module, "-uart=io:0x3f8"));
    DiskImage otherArgs = DiskImage.of(unikernel(loader, module, "-uart=io:0x2f8"));
    DiskImage otherSize = DiskImage.of(unikernel(loader, module, "-uart=io:0x3f8"), 2);

    assertThat(base.contentHash()).matches("[0-9a-f]{64}");
    assertThat(otherArgs.contentHash()).isNotEqualTo(base.contentHash());
    assertThat(otherSize.contentHash()).isNotEqualTo(base.contentHash()).isNotEqualTo(otherArgs.contentHash());
    assertThat(archiveHash(otherArgs)).isNotEqualTo(archiveHash(base));
  }

  private static Unikernel unikernel(Path loader, Path module, String args) {
    return Unikernel.named("same").loader(loader, args).module(module, "x").build();
  }

  private Outputs outputs(DiskImage image, String name) throws Exception {
    Path raw = dir.resolve(name + ".raw");
    image.writeRaw(raw);
    String rawHash = sha256(raw);
    Files.delete(raw);
    MessageDigest qcow2 = MessageDigest.getInstance("SHA-256");
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), qcow2)) {
      image.writeQcow2(out);
    }
    return new Outputs(image.contentHash(), rawHash, archiveHash(image), HexFormat.of().formatHex(qcow2.digest()));
  }

  private static String archiveHash(DiskImage image) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      image.writeGceArchive(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private record Outputs(String contentHash, String raw, String archive, String qcow2) {}
}
