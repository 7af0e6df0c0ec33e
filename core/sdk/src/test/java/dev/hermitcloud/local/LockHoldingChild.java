package dev.hermitcloud.local;

import dev.hermitcloud.provider.LockHolder;
import java.nio.file.Path;
import java.time.Instant;

/** A separate JVM that takes a deployment's local lock, says so on stdout and then holds it until killed. */
public final class LockHoldingChild {
  private LockHoldingChild() {}

  public static void main(String[] args) throws Exception {
    LocalLocks locks = new LocalLocks(Path.of(args[0]));
    Instant now = Instant.now();
    var lease = locks.acquire(args[1], LockHolder.thisProcess("child-run"), now, now.plusSeconds(1));
    System.out.println(lease.map(l -> l.heldBy("child-run") ? "held" : "busy").orElse("race"));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
