package dev.hermitcloud.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a provider's connection has read of each instance's console, for a {@link ConsoleReader} to answer
 * from once the cloud no longer serves it. Both clouds drop the console of a guest that stopped: GCE serves
 * the serial port "only while the VM instance is running"
 * (https://cloud.google.com/compute/docs/troubleshooting/viewing-serial-port-output), and Nova answers 404
 * "Guest does not have a console available." for a SHUTOFF server (openstack/local-cloud/FINDINGS.md). A
 * unikernel that powers off is exactly that case, and {@code Deployment.serialLog()} then still shows what
 * it printed. Thread-safe.
 *
 * <p>Example: {@code transcript.record("echo", chunk); transcript.from("echo", 0)}.
 */
public final class ConsoleTranscript {
  /** Output read so far, from {@code start} on, contiguous. */
  private record Seen(long start, String text) {
    long next() {
      return start + text.length();
    }
  }

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /** Adds a chunk: appended when it continues what was seen, else it replaces it. */
  public void record(String instance, ConsoleChunk chunk) {
    seen.compute(instance, (name, before) -> {
      if (before != null && chunk.start() <= before.next() && chunk.start() >= before.start()) {
        String kept = before.text().substring(0, (int) (chunk.start() - before.start()));
        return new Seen(before.start(), kept + chunk.text());
      }
      return new Seen(chunk.start(), chunk.text());
    });
  }

  /** The output seen from {@code offset}, if any was seen. */
  public Optional<ConsoleChunk> from(String instance, long offset) {
    Seen s = seen.get(instance);
    if (s == null) {
      return Optional.empty();
    }
    long start = Math.max(offset, s.start());
    String text = start >= s.next() ? "" : s.text().substring((int) (start - s.start()));
    return Optional.of(new ConsoleChunk(text, start, Math.max(start, s.next())));
  }
}
