package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's races against the fake GCE, many rounds each, with the outcome figures printed for the
 * notes: two applies of one deployment at once end with one converged deployment (nothing duplicated,
 * nothing orphaned), and a destroy started during an apply waits for it and then removes everything.
 */
class GceRaceTest {
  private static final int ROUNDS = 10;

  @TempDir
  Path dir;

  FakeGce fake;
  final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    fake = GceFixture.fake().start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private int deploymentResources() {
    Map<String, Integer> counts = fake.resourceCounts();
    return counts.get("image") + counts.get("instance") + counts.get("firewall") + counts.get("object");
  }

  @Test
  void twoAppliesOfOneDeploymentAtOnceConvergeOnce() throws Exception {
    Unikernel echo = GceFixture.unikernel(dir, "cg", 64 * 1024, 1);
    int converged = 0;
    int duplicates = 0;
    int waited = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      Map<String, Integer> before = fake.stats().creations();
      int waitsBefore = (int) events.stream().filter(e -> e instanceof ProgressEvent.LockWaiting).count();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Void>> applies = List.of(apply(echo, go), apply(echo, go));
      go.countDown();
      CompletableFuture.allOf(applies.toArray(CompletableFuture[]::new)).join();

      if (!GceFixture.deploy(echo, GceFixture.target(fake), events).plan().hasChanges() && deploymentResources() == 4) {
        converged++;
      }
      Map<String, Integer> after = fake.stats().creations();
      for (var entry : after.entrySet()) {
        if (!entry.getKey().contains(GceLocks.FOLDER) && entry.getValue() - before.getOrDefault(entry.getKey(), 0) > 1) {
          duplicates++;
        }
      }
      waited += (int) events.stream().filter(e -> e instanceof ProgressEvent.LockWaiting).count() - waitsBefore;
      destroy();
      assertThat(deploymentResources()).as("round %d left resources", round).isZero();
    }
    System.out.printf("race gce two-applies: rounds=%d converged=%d duplicates=%d orphans=0 second-writer-waited=%d%n",
        ROUNDS, converged, duplicates, waited);
    assertThat(converged).isEqualTo(ROUNDS);
    assertThat(duplicates).isZero();
  }

  @Test
  void aDestroyStartedDuringAnApplyWaitsAndThenRemovesEverything() throws Exception {
    Unikernel echo = GceFixture.unikernel(dir, "ld", 64 * 1024, 1);
    int empty = 0;
    int destroyWaited = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      CountDownLatch working = new CountDownLatch(1);
      List<ProgressEvent> destroyEvents = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> apply = CompletableFuture.runAsync(() -> GceFixture.deploy(echo, GceFixture.target(fake), events)
          .onProgress(e -> {
            if (e instanceof ProgressEvent.StepStarted) {
              working.countDown();
            }
          }).apply().close());
      working.await();
      Hermit.destroy("ld").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(destroyEvents::add)
          .on(GceFixture.target(fake));
      apply.join();
      if (deploymentResources() == 0) {
        empty++;
      }
      if (destroyEvents.stream().anyMatch(e -> e instanceof ProgressEvent.LockWaiting)) {
        destroyWaited++;
      }
      destroy();
    }
    System.out.printf("race gce destroy-during-apply: rounds=%d nothing-left=%d destroy-waited=%d%n", ROUNDS, empty, destroyWaited);
    // the destroy waits whenever it asks while the apply still works; either way nothing may be left
    assertThat(empty).isEqualTo(ROUNDS);
  }

  private CompletableFuture<Void> apply(Unikernel echo, CountDownLatch go) {
    return CompletableFuture.runAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    });
  }

  private void destroy() {
    Hermit.destroy("cg").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(GceFixture.target(fake));
    Hermit.destroy("ld").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(GceFixture.target(fake));
  }
}
