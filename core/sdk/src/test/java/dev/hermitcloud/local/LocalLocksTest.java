package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local lock: an OS file lock that dies with its process, the holder readable beside it. */
class LocalLocksTest {
  @TempDir
  Path state;

  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private Optional<LockLease> acquire(LocalLocks locks, String run) throws Exception {
    return locks.acquire("echo", LockHolder.thisProcess(run), now, now.plusSeconds(60));
  }

  @Test
  void aSecondConnectionInThisJvmSeesTheHolderUntilItReleases() throws Exception {
    LocalLocks a = new LocalLocks(state);
    LocalLocks b = new LocalLocks(state);
    LockLease mine = acquire(a, "run-a").orElseThrow();
    assertThat(mine.heldBy("run-a")).isTrue();

    assertThat(acquire(b, "run-b")).contains(mine);
    LockLease renewed = a.replace(mine, mine.holder(), mine.since(), now.plusSeconds(120)).orElseThrow();
    assertThat(acquire(b, "run-b")).contains(renewed);
    // conditional, as on a cloud: the lease b saw first is no longer in force
    assertThat(b.replace(mine, LockHolder.thisProcess("run-b"), now, now.plusSeconds(60))).isEmpty();

    a.release(renewed);
    assertThat(acquire(b, "run-b").orElseThrow().heldBy("run-b")).isTrue();
    assertThat(acquire(a, "run-a").orElseThrow().holder().runId()).isEqualTo("run-b");
  }

  @Test
  void aLockHeldByAnotherProcessIsFreedWhenThatProcessIsKilled() throws Exception {
    Process child = startHolder();
    try {
      LockLease theirs = acquire(new LocalLocks(state), "run-a").orElseThrow();
      assertThat(theirs.holder().pid()).isEqualTo(child.pid());
      assertThat(theirs.holder().runId()).isEqualTo("child-run");
      // expired, yet its process still holds the OS lock: no takeover
      assertThat(new LocalLocks(state).replace(theirs, LockHolder.thisProcess("run-a"), now, now.plusSeconds(60))).isEmpty();
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertThat(acquire(new LocalLocks(state), "run-a").orElseThrow().heldBy("run-a")).isTrue();
  }

  @Test
  void breakingTheLockOfAHungProcessLetsTheNextWriterIn() throws Exception {
    Process child = startHolder();
    try {
      LocalLocks locks = new LocalLocks(state);
      assertThat(locks.breakLock("echo").orElseThrow().holder().pid()).isEqualTo(child.pid());
      assertThat(acquire(locks, "run-a").orElseThrow().heldBy("run-a")).isTrue();
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private Process startHolder() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LockHoldingChild.class.getName(), state.toString(), "echo").redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the child's first line").isEqualTo("held");
    return child;
  }
}
