package dev.hermitcloud.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar every cloud provider meets, driven through the public fluent API against the provider's
 * wire-level fake: converge, re-apply with zero mutating requests, update in place, replace on content
 * change, abort at every step and resume, survive random faults, destroy to nothing, and wait until the
 * app answers. A provider's test extends this and supplies its fake.
 */
public abstract class ProviderContractTest {
  @TempDir
  protected Path dir;

  protected final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  /** The fast engine, with a lock that outlasts every run: the requests counted hold no renewal. */
  protected static final EngineOptions OPTIONS = EngineOptions.builder().from(FastEngine.OPTIONS)
      .lockTtl(Duration.ofMinutes(10)).build();

  /** A target pointed at the fake. */
  protected abstract Target target();

  /** The fake behind {@link #target()}. */
  protected abstract FakeCloud fake();

  /** The machine type the provider's fake offers for small deployments. */
  protected MachineType machineType() {
    return MachineType.atLeast(1, 512);
  }

  /**
   * Mutating requests the deployment's lock costs one apply or destroy where nothing fails: one to take
   * it, one to release it (a run shorter than a third of the lock's ttl renews nothing). Zero for a
   * provider without {@link dev.hermitcloud.provider.DeploymentLocks}.
   */
  protected int lockWritesPerRun() {
    return 2;
  }

  protected Unikernel unikernel(String name, long moduleSeed) throws IOException {
    Path loader = TestElf.loader(dir, "ldhermit.elf", 512, 1);
    Path module = TestElf.module(dir, "server-" + moduleSeed, 64 * 1024, moduleSeed);
    return Unikernel.named(name).loader(loader, "-uart=io:0x3f8").module(module).build();
  }

  protected DeploymentDefinition.WithCreate deploy(Unikernel unikernel) {
    return Hermit.deploy(unikernel).to(target()).engineOptions(OPTIONS).retry(FastEngine.RETRY).onProgress(events::add).machineType(machineType())
        .expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  protected Plan destroy(String name) {
    return Hermit.destroy(name).engineOptions(OPTIONS).retry(FastEngine.RETRY).onProgress(events::add).on(target());
  }

  @Test
  void freshDeployThenUnchangedReapplyMakesZeroMutatingRequests() throws IOException {
    Unikernel echo = unikernel("echo", 1);
    try (Deployment d = deploy(echo).apply()) {
      assertThat(d.instances()).hasSize(1);
      assertThat(d.instances().get(0).address()).isPresent();
    }
    int mutating = fake().mutatingRequests();
    assertThat(mutating).isPositive();

    Plan plan = deploy(echo).plan();
    assertThat(plan.hasChanges()).as(plan.render()).isFalse();
    deploy(echo).apply().close();

    // nothing but the lock: taken and released
    assertThat(fake().mutatingRequests()).isEqualTo(mutating + lockWritesPerRun());
    assertThat(fake().creations().values()).containsOnly(1);
  }

  @Test
  void pollsOnlyReadThroughoutDeployUpdateReplaceAndDestroy() throws IOException {
    PollWatch watch = new PollWatch(target(), () -> fake().mutatingRequests());
    EngineOptions oneAtATime = EngineOptions.builder().from(FastEngine.OPTIONS).parallelism(1).build();
    Unikernel first = unikernel("echo", 1);
    Hermit.deploy(first).to(watch).engineOptions(oneAtATime).retry(FastEngine.RETRY).machineType(machineType())
        .expose(Port.tcp(8000)).from("0.0.0.0/0").apply().close();
    Hermit.deploy(unikernel("echo", 2)).to(watch).engineOptions(oneAtATime).retry(FastEngine.RETRY)
        .machineType(machineType()).expose(Port.tcp(8000), Port.udp(5000)).from("10.0.0.0/8").apply().close();
    Hermit.destroy("echo").engineOptions(oneAtATime).retry(FastEngine.RETRY).on(watch);

    assertThat(watch.polls()).isPositive();
    assertThat(watch.writingPolls()).isEmpty();
    assertThat(fake().resourceCount()).isZero();
  }

  @Test
  void portChangeUpdatesTheFirewallAndKeepsTheInstance() throws IOException {
    Unikernel echo = unikernel("echo", 1);
    deploy(echo).apply().close();

    DeploymentDefinition.WithCreate changed = deploy(echo).expose(Port.udp(5000, 5010)).from("10.0.0.0/8");
    Plan plan = changed.plan();
    assertThat(plan.change(ResourceKind.FIREWALL, "hermit-echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(plan.changes()).filteredOn(c -> c.kind() == ResourceKind.INSTANCE).allMatch(c -> c.action() == Action.KEEP);
    changed.apply().close();

    assertThat(fake().creations().entrySet()).filteredOn(e -> e.getKey().toLowerCase().contains("instance")
        || e.getKey().toLowerCase().contains("server")).allMatch(e -> e.getValue() == 1);
    assertThat(deploy(echo).expose(Port.udp(5000, 5010)).from("10.0.0.0/8").plan().hasChanges()).isFalse();
  }

  @Test
  void moduleChangeReplacesImageAndInstanceAndRemovesTheOldImage() throws IOException {
    Plan first = deploy(unikernel("echo", 1)).apply().plan();
    String oldImage = first.changes().stream().filter(c -> c.kind() == ResourceKind.IMAGE).findFirst().orElseThrow().name();

    Plan second = deploy(unikernel("echo", 2)).apply().plan();

    assertThat(second.change(ResourceKind.IMAGE, oldImage).orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(second.changes()).filteredOn(c -> c.kind() == ResourceKind.INSTANCE).allMatch(c -> c.action() == Action.REPLACE);
    assertThat(deploy(unikernel("echo", 2)).plan().hasChanges()).isFalse();
  }

  @Test
  void abortAfterEveryStepThenRerunConvergesWithNothingDuplicated() throws IOException {
    Unikernel echo = unikernel("echo", 1);
    deploy(echo).count(2).apply().close();
    // every write but the lock's release, which fails nothing when refused (the lease just expires)
    int steps = fake().mutatingRequests() - (lockWritesPerRun() > 0 ? 1 : 0);
    destroy("echo");
    assertThat(fake().resourceCount()).isZero();

    for (int k = 0; k < steps; k++) {
      fake().refuseMutationsAfter(k);
      int step = k;
      assertThatThrownBy(() -> deploy(echo).count(2).apply()).as("abort after %d", step).isInstanceOf(RuntimeException.class);
      fake().clearFaults();
      deploy(echo).count(2).apply().close();
      assertThat(deploy(echo).count(2).plan().hasChanges()).as("converged after abort at %d", k).isFalse();
      destroy("echo");
      assertThat(fake().resourceCount()).as("after cycle %d", k).isZero();
    }
    assertThat(fake().creations().values()).allMatch(n -> n <= steps + 1);
  }

  @Test
  void fiftySeededDeployDestroyCyclesUnderTwentyPercentFaultsConverge() throws IOException {
    Unikernel echo = unikernel("echo", 1);
    for (long seed = 1; seed <= 50; seed++) {
      var before = fake().creations();
      fake().randomFaults(seed, 0.2);
      deploy(echo).apply().close();
      destroy("echo");
      fake().clearFaults();
      assertThat(fake().resourceCount()).as("seed %d left resources", seed).isZero();
      var after = fake().creations();
      for (var entry : after.entrySet()) {
        assertThat(entry.getValue() - before.getOrDefault(entry.getKey(), 0))
            .as("seed %d created %s", seed, entry.getKey()).isLessThanOrEqualTo(1);
      }
    }
    assertThat(events).anyMatch(e -> e instanceof ProgressEvent.RetryScheduled);
  }

  @Test
  void applyWaitsUntilTheAppAnswersAndTheEndpointServes() throws Exception {
    try (Deployment d = deploy(unikernel("echo", 1)).waitUntil(Health.http(8000, "/")).apply()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(d.endpoint(8000) + "/hello")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(events).anyMatch(e -> e instanceof ProgressEvent.HealthCheckAttempt h && h.healthy());
    }
  }

  @Test
  void destroyRemovesEverythingAndIsIdempotent() throws IOException {
    deploy(unikernel("echo", 1)).count(2).apply().close();
    assertThat(fake().resourceCount()).isPositive();

    Plan plan = destroy("echo");
    assertThat(plan.changes()).isNotEmpty().allMatch(c -> c.action() == Action.DELETE);
    assertThat(fake().resourceCount()).isZero();
    int mutating = fake().mutatingRequests();
    assertThat(destroy("echo").changes()).isEmpty();
    assertThat(fake().mutatingRequests()).isEqualTo(mutating + lockWritesPerRun());
  }

  /** Rounds of each race below: each round is two whole runs at once. */
  private static final int RACE_ROUNDS = Integer.getInteger("hermit.race.rounds", 10);

  /**
   * Two applies of one deployment at once: the second waits for the first's lock, then finds nothing to
   * do; one converged deployment, nothing created twice, nothing left after destroy. Prints the figures.
   */
  @Test
  void twoAppliesOfOneDeploymentAtOnceConvergeOnce() throws Exception {
    Unikernel echo = unikernel("twin", 1);
    List<String> failedRounds = new ArrayList<>();
    int converged = 0;
    int waited = 0;
    for (int round = 1; round <= RACE_ROUNDS; round++) {
      Map<String, Integer> before = fake().creations();
      long waitsBefore = lockWaits();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<Void>> applies = List.of(applyAfter(go, echo), applyAfter(go, echo));
      go.countDown();
      CompletableFuture.allOf(applies.toArray(CompletableFuture[]::new)).join();

      Plan replan = deploy(echo).plan();
      Map<String, Integer> after = fake().creations();
      List<String> twice = after.entrySet().stream().filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0) > 1)
          .map(Map.Entry::getKey).toList();
      if (!replan.hasChanges() && twice.isEmpty()) {
        converged++;
      } else {
        failedRounds.add("round " + round + ": re-plan " + replan.changes() + ", created twice " + twice);
      }
      waited += lockWaits() > waitsBefore ? 1 : 0;
      destroy("twin");
      assertThat(fake().resourceCount()).as("left after round %d", round).isZero();
    }
    System.out.printf("race %s two-applies-at-once: rounds=%d converged=%d second-waited=%d orphans=0%n",
        getClass().getSimpleName(), RACE_ROUNDS, converged, waited);
    assertThat(failedRounds).as("rounds that did not converge once").isEmpty();
  }

  /**
   * A destroy started while an apply works waits for the apply's lock and then removes everything: the
   * deployment the apply finished is not left behind. Prints the figures.
   */
  @Test
  void aDestroyDuringAnApplyWaitsAndThenRemovesEverything() throws Exception {
    Unikernel echo = unikernel("late", 1);
    int empty = 0;
    int waited = 0;
    for (int round = 1; round <= RACE_ROUNDS; round++) {
      CountDownLatch working = new CountDownLatch(1);
      CompletableFuture<Void> apply = CompletableFuture.runAsync(() -> Hermit.deploy(echo).to(target())
          .engineOptions(OPTIONS).retry(FastEngine.RETRY).machineType(machineType()).expose(Port.tcp(8000))
          .from("0.0.0.0/0").onProgress(e -> {
            events.add(e);
            if (e instanceof ProgressEvent.StepStarted) {
              working.countDown();
            }
          }).apply().close());
      working.await();
      long waitsBefore = lockWaits();
      destroy("late");
      apply.join();
      empty += fake().resourceCount() == 0 ? 1 : 0;
      waited += lockWaits() > waitsBefore ? 1 : 0;
      destroy("late");
    }
    System.out.printf("race %s destroy-during-apply: rounds=%d nothing-left=%d destroy-waited=%d%n",
        getClass().getSimpleName(), RACE_ROUNDS, empty, waited);
    assertThat(empty).isEqualTo(RACE_ROUNDS);
  }

  private long lockWaits() {
    return events.stream().filter(e -> e instanceof ProgressEvent.LockWaiting).count();
  }

  private CompletableFuture<Void> applyAfter(CountDownLatch go, Unikernel unikernel) {
    return CompletableFuture.runAsync(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      deploy(unikernel).apply().close();
    });
  }
}
