package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.gce.fake.FakeGce;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upload prints when the output is not a terminal (these tests, CI, a pipe): no bar, one line
 * with the real size, the time and the rate.
 */
class TransferLinesTest {
  static final String SIZE = "\\d+(\\.\\d)? (B|KiB|MiB|GiB)";

  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  List<String> unikernel;

  @BeforeEach
  void files() throws Exception {
    unikernel = EchoFlags.in(dir);
  }

  String deploy(List<String> target) {
    List<String> args = new ArrayList<>(List.of("deploy"));
    args.addAll(unikernel);
    args.addAll(target);
    int code = HermitCli.run(args.toArray(String[]::new));
    String err = streams.err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err).isZero();
    return err;
  }

  static void assertOneUploadLine(String err, String kind) {
    assertThat(err.lines().filter(l -> l.startsWith("upload ")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("upload " + kind + " \\S+: " + SIZE + " in \\d+\\.\\d s \\(" + SIZE + "/s\\)");
    assertThat(err).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("?").doesNotContain("sent ");
  }

  @Test
  void gceUploadIsOneLineWithSizeTimeAndRate() throws Exception {
    try (FakeGce fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").operationDuration(Duration.ofMillis(30)).start()) {
      String err = deploy(List.of("--target", "gce", "--project", "cli-project", "--bucket", "cli-bucket",
          "--endpoint", fake.endpoint(), "--machine-type", "f1-micro"));

      assertOneUploadLine(err, "blob");
      // the archive of a demo kernel is small: KiB, not "0/0 MiB"
      assertThat(err).containsPattern("upload blob \\S+: \\d+\\.\\d KiB in ");
    }
  }

  @Test
  void openStackUploadIsOneLineWithSizeTimeAndRate() {
    String err = deploy(List.of("--target", "openstack", "--fake", "--machine-type", "1:512"));

    assertOneUploadLine(err, "image");
  }
}
