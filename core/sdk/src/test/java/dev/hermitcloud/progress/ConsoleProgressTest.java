package dev.hermitcloud.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  @Test
  void rendersPlanStepsRetriesAndAnUploadBarThenItsLine() {
    String text = render(true);
    assertThat(text).contains("Plan for deployment echo on gce:p/z")
        .contains("1 to create, 0 to update")
        .contains("\rupload blob hermit/echo-1.tar.gz [============>           ]  8.0/16.0 MiB  ")
        .contains("\r\u001b[Kretry create blob hermit/echo-1.tar.gz after attempt 1 in 700 ms (HTTP 503: backendError)\n")
        .containsPattern("\r\u001b\\[Kupload blob hermit/echo-1\\.tar\\.gz: 16\\.0 MiB in \\d+\\.\\d s \\([^)]+/s\\)\n"
            + "ok  create blob hermit/echo-1\\.tar\\.gz in 1234 ms\n");
  }

  @Test
  void withoutATerminalAnUploadIsOnlyItsLine() {
    String text = render(false);
    assertThat(text).doesNotContain("\r").doesNotContain("\u001b").doesNotContain("[=")
        .containsPattern("\nupload blob hermit/echo-1\\.tar\\.gz: 16\\.0 MiB in \\d+\\.\\d s \\([^)]+/s\\)\n"
            + "ok  create blob hermit/echo-1\\.tar\\.gz in 1234 ms\n");
    assertThat(text.lines().filter(l -> l.startsWith("upload "))).hasSize(1);
  }

  private static String render(boolean live) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressListener console = Progress.console(new PrintStream(bytes, true, StandardCharsets.UTF_8), live);
    Change upload = Change.of(Action.CREATE, ResourceKind.BLOB, "hermit/echo-1.tar.gz", "not found");

    console.on(new ProgressEvent.PlanComputed(Plan.builder().deployment("echo").target("gce:p/z").addChanges(upload).build()));
    console.on(new ProgressEvent.StepStarted(upload));
    console.on(new ProgressEvent.BytesTransferred(ResourceKind.BLOB, "hermit/echo-1.tar.gz", 8 << 20, 16 << 20));
    console.on(new ProgressEvent.RetryScheduled("create blob hermit/echo-1.tar.gz", 1, Duration.ofMillis(700), "HTTP 503: backendError"));
    console.on(new ProgressEvent.BytesTransferred(ResourceKind.BLOB, "hermit/echo-1.tar.gz", 16 << 20, 16 << 20));
    console.on(new ProgressEvent.StepFinished(upload, Duration.ofMillis(1234)));

    return bytes.toString(StandardCharsets.UTF_8);
  }
}
