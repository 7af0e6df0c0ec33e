package dev.hermitcloud;

import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.internal.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** An instance's serial console: what the unikernel printed, read once or followed as it grows. */
public final class SerialLog {
  private static final Duration POLL = Duration.ofSeconds(1);

  private final ConsoleReader reader;
  private final String instance;
  private final TimeSource time;

  SerialLog(ConsoleReader reader, String instance, TimeSource time) {
    this.reader = reader;
    this.instance = instance;
    this.time = time;
  }

  /** The console of {@code instance} as {@code reader} reads it, for tools that hold a provider but no deployment. */
  public static SerialLog of(ConsoleReader reader, String instance) {
    return new SerialLog(reader, instance, TimeSource.system());
  }

  /** Everything the console holds now. */
  public String read() {
    return HermitException.wrap("read serial console of " + instance, () -> reader.read(instance, 0).text());
  }

  /** Sends new output to {@code sink} as it arrives, until the thread is interrupted. */
  public void follow(Consumer<String> sink) {
    follow(sink, text -> false, Duration.ofDays(3650));
  }

  /**
   * Sends new output to {@code sink} as it arrives, until everything read so far satisfies {@code until}
   * or {@code timeout} passes. Returns whether {@code until} was satisfied.
   */
  public boolean follow(Consumer<String> sink, Predicate<String> until, Duration timeout) {
    return HermitException.wrap("follow serial console of " + instance, () -> {
      Instant deadline = time.now().plus(timeout);
      StringBuilder seen = new StringBuilder();
      long offset = 0;
      while (!Thread.currentThread().isInterrupted()) {
        ConsoleChunk chunk = reader.read(instance, offset);
        if (!chunk.text().isEmpty()) {
          sink.accept(chunk.text());
          seen.append(chunk.text());
        }
        offset = chunk.next();
        if (until.test(seen.toString())) {
          return true;
        }
        if (time.now().isAfter(deadline)) {
          return false;
        }
        time.sleep(POLL);
      }
      return false;
    });
  }
}
