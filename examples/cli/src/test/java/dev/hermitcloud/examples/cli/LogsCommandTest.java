package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.gce.fake.FakeGce;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code hermit logs}: the console as people read it by default, the bytes as they came with {@code --raw}. */
class LogsCommandTest {
  static final String CONSOLE = "\u001b[H\u001b[J\u001b[1;1H  Booting `echo'\r\n\r\nhermit: ready\r\n";

  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  FakeGce fake;
  List<String> target;

  @BeforeEach
  void deploy() throws Exception {
    fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").operationDuration(Duration.ofMillis(30))
        .bootOutput(CONSOLE).start();
    target = List.of("--target", "gce", "--project", "cli-project", "--bucket", "cli-bucket", "--endpoint", fake.endpoint());
    List<String> deploy = new ArrayList<>(List.of("deploy"));
    deploy.addAll(EchoFlags.in(dir));
    deploy.addAll(List.of("--machine-type", "f1-micro"));
    assertThat(hermit(deploy.toArray(String[]::new))).as(streams.err.toString(StandardCharsets.UTF_8)).isZero();
    streams.out.reset();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  int hermit(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(target);
    return HermitCli.run(all.toArray(String[]::new));
  }

  String out() {
    return streams.out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logsPrintsTheConsoleWithoutEscapeSequencesOrCarriageReturns() {
    assertThat(hermit("logs", "echo")).isZero();
    assertThat(out()).isEqualTo("  Booting `echo'\nhermit: ready\n");
  }

  @Test
  void logsRawPrintsTheBytesAsTheyCame() {
    assertThat(hermit("logs", "echo", "--raw")).isZero();
    assertThat(out()).isEqualTo(CONSOLE);
  }
}
