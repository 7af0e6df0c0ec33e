package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees after a typo: the error, a suggestion where there is one, and where help is. */
class UsageErrorTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  final ByteArrayOutputStream out = streams.out;
  final ByteArrayOutputStream err = streams.err;

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUnknownOptionIsTheErrorASuggestionAndOneLinePointingAtTheCommandsHelp() {
    int code = HermitCli.run("plan", "--target", "local", "--name", "echo", "--loader", "k.elf", "--module", "app",
        "--exopse", "tcp:8000");

    assertThat(code).isEqualTo(2);
    assertThat(err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("error: Unknown options: '--exopse'"));
    assertThat(err()).contains("--expose").endsWith("Try 'hermit plan --help' for its options.\n");
    assertThat(err().lines().count()).isLessThanOrEqualTo(4);
  }

  @Test
  void aMistypedCommandGetsTheNearestCommandNamed() {
    int code = HermitCli.run("deplyo");

    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("'deplyo'").contains("deploy").endsWith("Try 'hermit --help' for its options.\n");
  }

  @Test
  void enumValuesAreAcceptedInAnyCase() throws Exception {
    Path kernel = DemoKernel.writeTo(dir.resolve("ldhermit.elf"));
    Path module = DemoModule.writeTo(dir.resolve("server"), "payload".getBytes(StandardCharsets.US_ASCII));

    int code = HermitCli.run("plan", "--target", "local", "--accel", "tcg", "--nic", "e1000", "--name", "echo",
        "--state-dir", dir.resolve("state").toString(), "--loader", kernel.toString(), "--module", module.toString());

    assertThat(code).as(err()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("+   instance echo (not found)");
  }
}
