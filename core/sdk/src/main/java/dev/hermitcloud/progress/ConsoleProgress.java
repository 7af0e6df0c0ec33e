package dev.hermitcloud.progress;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints events as lines and each upload as one line when it is done; on a terminal, a live bar for the
 * upload too, redrawn in place. Polls and failed health probes are summarised rather than printed one by one.
 */
final class ConsoleProgress implements ProgressListener {
  /** How often a live bar is redrawn at most: more often only costs the terminal. */
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean live;
  private final Map<String, Transfer> transfers = new HashMap<>();
  private boolean barShown;
  private long drawnAt;

  ConsoleProgress(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  @Override
  public synchronized void on(ProgressEvent event) {
    if (event instanceof ProgressEvent.BytesTransferred e) {
      long now = System.nanoTime();
      Transfer transfer = transfers.computeIfAbsent(e.kind() + "/" + e.name(),
          key -> new Transfer("upload " + e.kind().label() + " " + e.name(), now));
      transfer.update(e.bytes(), e.total(), now);
      if (live && (!barShown || now - drawnAt >= REDRAW_NANOS || e.bytes() == e.total())) {
        // CR and erase-line: the bar is redrawn where it stands
        out.print("\r" + transfer.bar() + "\u001b[K");
        out.flush();
        barShown = true;
        drawnAt = now;
      }
      return;
    }
    if (event instanceof ProgressEvent.OperationPolled) {
      return;
    }
    if (event instanceof ProgressEvent.HealthCheckAttempt e && !e.healthy() && e.attempt() % 10 != 1) {
      return;
    }
    clearBar();
    String ended = event instanceof ProgressEvent.StepFinished e ? e.change().kind() + "/" + e.change().name()
        : event instanceof ProgressEvent.StepFailed e ? e.change().kind() + "/" + e.change().name() : null;
    Transfer transfer = ended == null ? null : transfers.remove(ended);
    if (transfer != null) {
      out.println(transfer.summary());
    }
    out.println(EventText.of(event));
  }

  private void clearBar() {
    if (barShown) {
      out.print("\r\u001b[K");
      barShown = false;
    }
  }
}
