package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.gce.fake.FakeGce;
import java.io.ByteArrayOutputStream;
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

/** {@code --health-timeout}, and what a failed health check tells someone at a shell: what was tried, why not, where to look. */
class HealthFailureTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  final ByteArrayOutputStream err = streams.err;
  FakeGce fake;
  List<String> target;
  List<String> deploy;

  @BeforeEach
  void start() throws Exception {
    // no app stand-in: nothing answers on the instance's address, as when the app has not started
    fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").operationDuration(Duration.ofMillis(30)).start();
    target = List.of("--target", "gce", "--project", "cli-project", "--bucket", "cli-bucket", "--endpoint", fake.endpoint());
    deploy = new ArrayList<>(List.of("deploy"));
    deploy.addAll(EchoFlags.in(dir));
    deploy.addAll(List.of("--machine-type", "f1-micro", "--expose", "tcp:8000", "--from", "0.0.0.0/0"));
    deploy.addAll(target);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  int hermit(List<String> base, String... more) {
    List<String> args = new ArrayList<>(base);
    args.addAll(List.of(more));
    return HermitCli.run(args.toArray(String[]::new));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFailedHealthCheckSaysWhatWasTriedWhyItFailedAndHowToReadTheConsole() {
    int code = hermit(deploy, "--health", "http:8000/ready", "--health-timeout", "1s");

    assertThat(code).isEqualTo(1);
    String error = err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow();
    assertThat(error).matches("error: health check of deployment 'echo' failed: keep instance 'echo': did not pass"
        + " http :8000/ready within 1 s; last try: GET http://127\\.0\\.\\d+\\.\\d+:8000/ready -> connection refused"
        + " \\(nothing listens on that port yet\\)\\. Read its console: hermit logs echo " + String.join(" ", target)
        .replace(".", "\\.") + "( \\(.*\\))?")
        .doesNotContain("ConnectException").doesNotContain("serialLog()");
  }

  @Test
  void aHealthTimeoutThatIsNoDurationIsAUsageError() {
    assertThat(hermit(deploy, "--health", "tcp:8000", "--health-timeout", "5x")).isEqualTo(2);
    assertThat(err()).startsWith("error: Invalid value for option '--health-timeout': '5x' is not a duration:"
        + " write it as 90s, 5m, 1h or 1m30s\n");
  }

  @Test
  void aHealthTimeoutWithoutHealthIsRefused() {
    assertThat(hermit(deploy, "--health-timeout", "90s")).isEqualTo(1);
    assertThat(err()).startsWith("error: --health: (missing) is required with --health-timeout: say what to wait for,"
        + " e.g. --health http:8000/\n  try: hermit deploy ");
  }
}
