package dev.hermitcloud.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.DeploymentLockedException;
import dev.hermitcloud.DestroyDefinition;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.InMemoryLocks;
import dev.hermitcloud.testkit.InMemoryProvider;
import dev.hermitcloud.testkit.LockingProvider;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's side of the deployment lock, on a virtual clock against locks kept in memory. */
class DeploymentLockTest {
  private static final LockHolder BOB = new LockHolder("bob", "elsewhere", 7, "run-b");

  @TempDir
  Path dir;

  EngineFixture f;
  InMemoryLocks locks = new InMemoryLocks();
  LockingProvider cloud;
  Unikernel echo;

  @BeforeEach
  void setUp() throws IOException {
    f = new EngineFixture(dir, InMemoryProvider.likeGce());
    cloud = new LockingProvider(f.cloud, locks);
    echo = f.unikernel("echo", 1);
  }

  private DeploymentDefinition.WithCreate deploy() {
    return f.configure(Hermit.deploy(echo).to(cloud.target())).expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  private DestroyDefinition destroy() {
    return f.configure(Hermit.destroy("echo"));
  }

  private LockLease bobHolds(Duration fromNow) {
    Instant now = f.time.now();
    LockLease lease = new LockLease("echo", BOB, now.minusSeconds(30), now.plus(fromNow), "bob-1");
    locks.put(lease);
    return lease;
  }

  @Test
  void applyAndDestroyTakeAndReleaseTheLockPlanDoesNotTouchIt() {
    deploy().plan();
    assertThat(locks.calls()).isEmpty();

    deploy().apply().close();
    assertThat(locks.calls()).containsExactly("acquire echo", "release echo");
    destroy().on(cloud.target());
    assertThat(locks.calls()).containsExactly("acquire echo", "release echo", "acquire echo", "release echo");
    assertThat(locks.lease("echo")).isEmpty();
  }

  @Test
  void noWaitFailsAtOnceNamingTheHolderAndSinceAndChangesNothing() {
    LockLease bob = bobHolds(Duration.ofMinutes(1));

    assertThatThrownBy(() -> deploy().lockTimeout(Duration.ZERO).apply())
        .isInstanceOf(DeploymentLockedException.class)
        .hasMessageContaining("deployment 'echo'")
        .hasMessageContaining("locked by bob@elsewhere pid 7 (run run-b) since " + bob.since())
        .hasMessageContaining("hermit unlock echo");
    assertThatThrownBy(() -> destroy().lockTimeout(Duration.ZERO).on(cloud.target()))
        .isInstanceOf(DeploymentLockedException.class).hasMessageContaining("bob@elsewhere");
    assertThat(f.cloud.mutatingCalls()).isZero();
    assertThat(locks.lease("echo")).contains(bob);
  }

  @Test
  void aSecondWriterWaitsReportingTheHolderThenTakesOverTheExpiredLease() {
    LockLease bob = bobHolds(Duration.ofSeconds(20));

    deploy().apply().close();

    assertThat(f.events).filteredOn(e -> e instanceof ProgressEvent.LockWaiting).singleElement()
        .isEqualTo(new ProgressEvent.LockWaiting("echo", BOB.toString(), bob.since(), bob.expires()));
    assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.Notice n && n.message().contains("took over the lock from bob"));
    assertThat(f.time.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
    assertThat(f.cloud.mutatingCalls()).isPositive();
    assertThat(locks.lease("echo")).isEmpty();
  }

  @Test
  void aHolderThatKeepsRenewingMakesTheWaiterGiveUpAfterItsTimeout() {
    Thread renewingBob = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        LockLease current = locks.lease("echo").orElse(null);
        if (current != null) {
          locks.replace(current, BOB, current.since(), f.time.now().plusSeconds(60));
        }
        Thread.onSpinWait();
      }
    });
    bobHolds(Duration.ofSeconds(60));
    renewingBob.start();
    try {
      assertThatThrownBy(() -> deploy().lockTimeout(Duration.ofSeconds(10)).apply())
          .isInstanceOf(DeploymentLockedException.class).hasMessageContaining("waited 10 s");
    } finally {
      renewingBob.interrupt();
    }
    assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.LockWaiting);
    assertThat(f.cloud.mutatingCalls()).isZero();
  }

  @Test
  void aLeaseLeftByAnEarlierRunOfThisProcessIsTakenAtOnce() {
    LockHolder earlier = LockHolder.thisProcess("a-run-that-ended");
    locks.put(new LockLease("echo", earlier, f.time.now(), f.time.now().plusSeconds(60), "old"));

    deploy().apply().close();

    assertThat(f.events).noneMatch(e -> e instanceof ProgressEvent.LockWaiting);
    assertThat(f.time.elapsed()).isLessThan(Duration.ofSeconds(60));
    assertThat(locks.lease("echo")).isEmpty();
  }

  @Test
  void unlockBreaksTheLockAndSaysWhoseItWas() {
    LockLease bob = bobHolds(Duration.ofMinutes(5));

    assertThat(Hermit.unlock("echo").on(cloud.target())).contains(bob);
    assertThat(Hermit.unlock("echo").on(cloud.target())).isEmpty();
    deploy().lockTimeout(Duration.ZERO).apply().close();
  }

  @Test
  void theHolderRenewsItsLeaseWhileItWorks() {
    EngineOptions quickRenewal = EngineOptions.builder().lockTtl(Duration.ofMillis(60)).build();
    deploy().engineOptions(quickRenewal).onProgress(e -> {
      if (e instanceof ProgressEvent.StepStarted) {
        realPause(100);
      }
    }).apply().close();

    assertThat(locks.calls()).contains("replace echo").endsWith("release echo");
    assertThat(locks.lease("echo")).isEmpty();
  }

  @Test
  void aRunWhoseLockIsBrokenWhileItWorksFailsSayingSo() {
    EngineOptions quickRenewal = EngineOptions.builder().lockTtl(Duration.ofMillis(60)).build();
    assertThatThrownBy(() -> deploy().engineOptions(quickRenewal).onProgress(e -> {
      if (e instanceof ProgressEvent.StepStarted) {
        locks.breakLock("echo");
        realPause(100);
      }
    }).apply()).isInstanceOf(DeploymentLockedException.class).hasMessageContaining("lost the lock of deployment 'echo' during apply");
  }

  private static void realPause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
