package dev.hermitcloud.progress;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Prints events as lines, and draws a progress bar (me.tongfei:progressbar) for each transfer while it
 * runs. Polls and failed health probes are summarised rather than printed one by one.
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintStream out;
  private final Map<String, ProgressBar> bars = new HashMap<>();

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    if (event instanceof ProgressEvent.BytesTransferred e) {
      bar(e).stepTo(e.bytes());
      return;
    }
    if (event instanceof ProgressEvent.OperationPolled) {
      return;
    }
    if (event instanceof ProgressEvent.HealthCheckAttempt e && !e.healthy() && e.attempt() % 10 != 1) {
      return;
    }
    if (event instanceof ProgressEvent.StepFinished e) {
      ProgressBar bar = bars.remove(e.change().kind() + "/" + e.change().name());
      if (bar != null) {
        bar.close();
      }
    }
    out.println(EventText.of(event));
  }

  private ProgressBar bar(ProgressEvent.BytesTransferred e) {
    return bars.computeIfAbsent(e.kind() + "/" + e.name(), key -> new ProgressBarBuilder()
        .setTaskName("upload " + e.kind().label())
        .setInitialMax(e.total())
        .setUnit(" MiB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .build());
  }
}
