package dev.hermitcloud.provider;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who holds a deployment's lock: a user on a host, the process and the engine run. Shown to a second
 * writer that waits, and to whoever breaks a stale lock, so it must say enough to find the process.
 *
 * <pre>{@code
 * LockHolder me = LockHolder.thisProcess("2f1c...");   // alice@build-7 pid 4242, run 2f1c...
 * }</pre>
 */
public record LockHolder(String user, String host, long pid, String runId) {
  /** This JVM, for the run {@code runId}. */
  public static LockHolder thisProcess(String runId) {
    return new LockHolder(System.getProperty("user.name", "unknown"), HostName.VALUE, ProcessHandle.current().pid(), runId);
  }

  /** Whether both are the same process: the same pid on the same host. */
  public boolean sameProcessAs(LockHolder other) {
    return host.equals(other.host) && pid == other.pid;
  }

  /** {@code alice@build-7 pid 4242 (run 2f1c...)}. */
  @Override
  public String toString() {
    return user + "@" + host + " pid " + pid + " (run " + runId + ")";
  }

  /** The host name, looked up once: a reverse lookup can be slow and the answer does not change. */
  private static final class HostName {
    static final String VALUE = lookUp();

    private static String lookUp() {
      try {
        Path etc = Path.of("/etc/hostname");
        if (Files.isReadable(etc)) {
          String name = Files.readString(etc).strip();
          if (!name.isEmpty()) {
            return name;
          }
        }
        return InetAddress.getLocalHost().getHostName();
      } catch (Exception e) {
        // Only shown to people: an unknown host still leaves the user, pid and run to go by.
        return "unknown-host";
      }
    }
  }
}
