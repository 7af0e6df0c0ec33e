package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.ResourceConflictException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceState;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.InMemoryProvider;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir
  Path dir;

  EngineFixture f;
  Unikernel echo;

  @BeforeEach
  void setUp() throws IOException {
    f = new EngineFixture(dir, InMemoryProvider.likeGce());
    echo = f.unikernel("echo", 1);
  }

  private static Map<String, Action> actions(Plan plan) {
    return plan.changes().stream().collect(Collectors.toMap(c -> c.kind() + " " + c.name(), Change::action));
  }

  private String imageName(Plan plan) {
    return plan.changes().stream().filter(c -> c.kind() == ResourceKind.IMAGE && c.action() != Action.DELETE)
        .findFirst().orElseThrow().name();
  }

  @Test
  void freshPlanCreatesEverythingAndChangesNothing() {
    Plan plan = f.deploy(echo).plan();

    String image = imageName(plan);
    assertThat(image).matches("echo-[0-9a-f]{12}");
    assertThat(actions(plan)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "BLOB hermit/" + image + ".tar.gz", Action.CREATE,
        "IMAGE " + image, Action.CREATE,
        "FIREWALL hermit-echo", Action.CREATE,
        "INSTANCE echo", Action.CREATE));
    assertThat(plan.hasChanges()).isTrue();
    assertThat(f.cloud.mutatingCalls()).isZero();
    assertThat(plan.render()).contains("4 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged");
  }

  @Test
  void applyCreatesResourcesMarkedAsOwnedAndReapplyMakesNoMutatingCall() {
    Deployment d = f.deploy(echo).apply();

    assertThat(d.instances()).hasSize(1);
    assertThat(d.endpoint(8000).toString()).isEqualTo("http://127.0.0.1:8000");
    assertThat(f.cloud.resources()).hasSize(4);
    f.cloud.resources().values().forEach(r ->
        assertThat(r.labels()).containsEntry(Ownership.DEPLOYMENT_KEY, "echo").containsKeys(Ownership.SPEC_KEY, Ownership.REPLACE_KEY));
    int mutating = f.cloud.mutatingCalls();
    assertThat(mutating).isEqualTo(4);

    Plan again = f.deploy(echo).plan();
    assertThat(again.hasChanges()).isFalse();
    assertThat(again.counts()).containsEntry(Action.KEEP, 4);
    Deployment second = f.deploy(echo).apply();

    assertThat(f.cloud.mutatingCalls()).isEqualTo(mutating);
    assertThat(second.plan().hasChanges()).isFalse();
    assertThat(f.cloud.creations().values()).containsOnly(1);
  }

  @Test
  void portChangeUpdatesFirewallInPlaceAndKeepsInstance() {
    f.deploy(echo).apply();

    Plan plan = f.deploy(echo).expose(Port.tcp(9000)).from("10.0.0.0/8").plan();
    assertThat(plan.change(ResourceKind.FIREWALL, "hermit-echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(plan.change(ResourceKind.INSTANCE, "echo").orElseThrow().action()).isEqualTo(Action.KEEP);

    f.deploy(echo).expose(Port.tcp(9000)).from("10.0.0.0/8").apply();
    assertThat(f.cloud.calls()).contains("update firewall hermit-echo");
    assertThat(f.cloud.creations()).containsEntry("INSTANCE/echo", 1);
    assertThat(f.deploy(echo).expose(Port.tcp(9000)).from("10.0.0.0/8").plan().hasChanges()).isFalse();
  }

  @Test
  void moduleChangeBuildsNewImageReplacesInstanceAndDeletesOldImageAfterwards() throws IOException {
    Plan first = f.deploy(echo).apply().plan();
    String oldImage = imageName(first);
    Unikernel changed = f.unikernel("echo", 2);

    Plan plan = f.deploy(changed).plan();
    String newImage = imageName(plan);
    assertThat(newImage).isNotEqualTo(oldImage);
    assertThat(actions(plan)).containsEntry("IMAGE " + newImage, Action.CREATE)
        .containsEntry("IMAGE " + oldImage, Action.DELETE)
        .containsEntry("BLOB hermit/" + oldImage + ".tar.gz", Action.DELETE)
        .containsEntry("INSTANCE echo", Action.REPLACE)
        .containsEntry("FIREWALL hermit-echo", Action.KEEP);

    f.deploy(changed).apply();
    List<String> calls = f.cloud.calls();
    assertThat(calls.indexOf("create image " + newImage)).isLessThan(calls.indexOf("delete instance echo"));
    assertThat(calls.indexOf("create instance echo")).isLessThan(calls.indexOf("delete image " + oldImage));
    assertThat(f.cloud.resource(ResourceKind.IMAGE, oldImage)).isEmpty();
    assertThat(f.cloud.creations()).containsEntry("INSTANCE/echo", 2);
    assertThat(f.deploy(changed).plan().hasChanges()).isFalse();
  }

  @Test
  void countChangesCreateAndDeleteOnlyTheDifference() {
    f.deploy(echo).count(2).apply();
    Plan grow = f.deploy(echo).count(3).plan();
    assertThat(actions(grow)).containsEntry("INSTANCE echo-0", Action.KEEP).containsEntry("INSTANCE echo-1", Action.KEEP)
        .containsEntry("INSTANCE echo-2", Action.CREATE);
    f.deploy(echo).count(3).apply();

    Plan shrink = f.deploy(echo).count(2).plan();
    assertThat(actions(shrink)).containsEntry("INSTANCE echo-2", Action.DELETE).containsEntry("INSTANCE echo-0", Action.KEEP);
    Deployment d = f.deploy(echo).count(2).apply();
    assertThat(d.instances()).extracting(i -> i.name()).containsExactly("echo-0", "echo-1");
    assertThat(f.cloud.resource(ResourceKind.INSTANCE, "echo-2")).isEmpty();
  }

  @Test
  void removingTheLastExposedPortDeletesTheFirewallAfterTheInstancesNoLongerUseIt() {
    f.deploy(echo).apply();
    Plan plan = f.configure(Hermit.deploy(echo).to(f.cloud.target())).plan();
    assertThat(actions(plan)).containsEntry("FIREWALL hermit-echo", Action.DELETE).containsEntry("INSTANCE echo", Action.REPLACE);

    f.configure(Hermit.deploy(echo).to(f.cloud.target())).apply();
    List<String> calls = f.cloud.calls();
    assertThat(calls.indexOf("create instance echo")).isLessThan(calls.indexOf("delete firewall hermit-echo"));
    assertThat(f.cloud.resource(ResourceKind.FIREWALL, "hermit-echo")).isEmpty();
  }

  @Test
  void failedOperationNamesTheResourceAndTheCloudsMessageAndNextRunReplacesIt() {
    f.cloud.failOperations("create image");
    assertThatThrownBy(() -> f.deploy(echo).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("image 'echo-")
        .hasMessageContaining("QUOTA_EXCEEDED: injected operation failure");
    assertThat(f.cloud.resources().keySet()).noneMatch(k -> k.startsWith("INSTANCE/"));

    f.cloud.failOperations("nothing");
    Plan retry = f.deploy(echo).plan();
    assertThat(retry.changes()).filteredOn(c -> c.kind() == ResourceKind.IMAGE).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.REPLACE));
    f.deploy(echo).apply();
    assertThat(f.deploy(echo).plan().hasChanges()).isFalse();
  }

  @Test
  void abortAfterEveryStepThenRerunConvergesWithoutDuplicates() throws IOException {
    int steps = 4;
    for (int k = 1; k <= steps; k++) {
      EngineFixture run = new EngineFixture(dir, InMemoryProvider.likeGce());
      run.cloud.abortAtMutatingCall(k);
      int abortedAt = k;
      assertThatThrownBy(() -> run.deploy(echo).count(2).apply())
          .as("abort at mutating call %d", abortedAt).isInstanceOf(DeploymentException.class);

      run.deploy(echo).count(2).apply();

      assertThat(run.cloud.resources()).as("after abort at %d", k).hasSize(5);
      assertThat(run.cloud.creations().values()).as("after abort at %d", k).containsOnly(1);
      int mutating = run.cloud.mutatingCalls();
      assertThat(run.deploy(echo).count(2).plan().hasChanges()).isFalse();
      run.deploy(echo).count(2).apply();
      assertThat(run.cloud.mutatingCalls()).isEqualTo(mutating);
    }
  }

  @Test
  void lostResponseOnCreateIsAdoptedNotCreatedTwice() {
    f.cloud.faults().loseResponse("create instance", 1, () -> new IOException("Connection reset"));
    f.cloud.faults().loseResponse("create image", 1, () -> new CloudException(503, "backendError"));

    f.deploy(echo).apply();

    assertThat(f.cloud.creations().values()).containsOnly(1);
    assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.RetryScheduled r && r.call().startsWith("create instance"));
  }

  @Test
  void lostResponseOnATwoStepCreateIsFinishedByTheDriverNotJustAwaited() {
    f.cloud.finishOnlyByPolling(ResourceKind.INSTANCE);
    f.cloud.faults().loseResponse("create instance", 1, () -> new IOException("Connection reset"));

    f.deploy(echo).apply();

    assertThat(f.cloud.resource(ResourceKind.INSTANCE, "echo").orElseThrow().state()).isEqualTo(ResourceState.READY);
    assertThat(f.cloud.calls()).contains("resume instance echo");
    assertThat(f.cloud.creations().values()).containsOnly(1);
  }

  @Test
  void aResourceLeftHalfMadeByAStoppedRunIsFinishedByTheNextRun() {
    f.cloud.finishOnlyByPolling(ResourceKind.INSTANCE);
    f.cloud.faults().fail("poll create instance", 1, () -> new CloudException(403, "injected: stop here"));
    assertThatThrownBy(() -> f.deploy(echo).apply()).isInstanceOf(DeploymentException.class);
    assertThat(f.cloud.resource(ResourceKind.INSTANCE, "echo").orElseThrow().state()).isEqualTo(ResourceState.PENDING);
    assertThat(actions(f.deploy(echo).plan())).containsEntry("INSTANCE echo", Action.KEEP);

    f.deploy(echo).apply();

    assertThat(f.cloud.resource(ResourceKind.INSTANCE, "echo").orElseThrow().state()).isEqualTo(ResourceState.READY);
    assertThat(f.cloud.creations().values()).containsOnly(1);
  }

  @Test
  void nameTakenBySomethingWeDoNotOwnFailsAtPlanTimeWithNoChange() {
    f.cloud.putForeign(ResourceKind.FIREWALL, "hermit-echo", Map.of("team", "ops"));

    assertThatThrownBy(() -> f.deploy(echo).apply())
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("firewall 'hermit-echo' already exists")
        .hasMessageContaining("not marked as owned");
    assertThat(f.cloud.mutatingCalls()).isZero();
  }

  @Test
  void destroyRemovesExactlyWhatTheDeploymentOwns() throws IOException {
    f.deploy(echo).count(2).apply();
    Unikernel other = f.unikernel("other", 3);
    f.deploy(other).apply();
    f.cloud.putForeign(ResourceKind.INSTANCE, "echo-9", Map.of());
    f.cloud.putForeign(ResourceKind.IMAGE, "echo-abc", Map.of(Ownership.DEPLOYMENT_KEY, "someone-else",
        Ownership.SPEC_KEY, "x", Ownership.REPLACE_KEY, "x"));
    int before = f.cloud.mutatingCalls();

    Plan preview = f.configure(Hermit.destroy("echo")).planOn(f.cloud.target());
    assertThat(preview.changes()).hasSize(5).allMatch(c -> c.action() == Action.DELETE);
    assertThat(f.cloud.mutatingCalls()).isEqualTo(before);

    Plan done = f.configure(Hermit.destroy("echo")).on(f.cloud.target());

    assertThat(done.changes()).extracting(Change::name).containsExactlyInAnyOrderElementsOf(
        preview.changes().stream().map(Change::name).toList());
    assertThat(f.cloud.resources().values()).noneMatch(r -> "echo".equals(r.labels().get(Ownership.DEPLOYMENT_KEY)));
    assertThat(f.cloud.resources().keySet()).contains("INSTANCE/echo-9", "IMAGE/echo-abc", "INSTANCE/other");
    List<String> calls = f.cloud.calls();
    int lastInstanceGone = Math.max(calls.lastIndexOf("poll delete instance echo-0"), calls.lastIndexOf("poll delete instance echo-1"));
    assertThat(calls.indexOf("delete firewall hermit-echo")).isGreaterThan(lastInstanceGone);
    assertThat(calls.stream().filter(c -> c.startsWith("delete image")).findFirst().map(calls::indexOf).orElseThrow())
        .isGreaterThan(lastInstanceGone);
    assertThat(f.configure(Hermit.destroy("echo")).planOn(f.cloud.target()).changes()).isEmpty();
  }

  @Test
  void randomTransientFaultsOnEveryCallStillConvergeAndLeaveNothing() {
    for (long seed = 1; seed <= 30; seed++) {
      EngineFixture run = new EngineFixture(dir, InMemoryProvider.likeGce());
      run.cloud.randomFaults(seed, 0.2);
      run.deploy(echo).count(2).apply();
      assertThat(run.cloud.resources()).as("seed %d", seed).hasSize(5);
      run.configure(Hermit.destroy("echo")).on(run.cloud.target());
      assertThat(run.cloud.resources()).as("seed %d", seed).isEmpty();
      assertThat(run.cloud.creations().values()).as("seed %d", seed).containsOnly(1);
    }
  }

  @Test
  void applyWaitsForTheHealthCheckAndReportsEachProbe() {
    f.failingProbes.set(3);

    f.deploy(echo).waitUntil(Health.http(8000, "/")).apply();

    assertThat(f.events).filteredOn(e -> e instanceof ProgressEvent.HealthCheckAttempt).hasSize(4)
        .last().satisfies(e -> assertThat(((ProgressEvent.HealthCheckAttempt) e).healthy()).isTrue());
  }

  @Test
  void healthCheckThatNeverPassesFailsWithAHintAtTheSerialLog() {
    f.failingProbes.set(-1);
    assertThatThrownBy(() -> f.deploy(echo).waitUntil(Health.tcp(8000), Duration.ofSeconds(30)).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("did not pass tcp :8000 within 30 s")
        .hasMessageContaining("serialLog()");
  }

  @Test
  void operationThatOutlivesItsDeadlineFailsWithWhatItWasWaitingFor() {
    f.cloud.pollsPerOperation(10_000);
    EngineOptions slow = EngineOptions.builder().putTimeouts(ResourceKind.INSTANCE, Duration.ofMinutes(1)).build();
    f.cloud.pollsPerOperation(3);
    f.deploy(echo).engineOptions(slow).apply();
    f.cloud.pollsPerOperation(10_000);

    assertThatThrownBy(() -> f.deploy(echo).count(2).engineOptions(slow).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("did not finish within 60 s");
  }

  @Test
  void progressEventsCoverPlanStepsAndBytes() {
    f.deploy(echo).apply();

    assertThat(f.events.get(0)).isInstanceOf(ProgressEvent.PlanComputed.class);
    assertThat(f.events).filteredOn(e -> e instanceof ProgressEvent.StepFinished).hasSize(4);
    assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.BytesTransferred b && b.kind() == ResourceKind.BLOB);
    assertThat(f.events).anyMatch(e -> e instanceof ProgressEvent.OperationPolled);
    assertThat(f.events.get(f.events.size() - 1)).isInstanceOf(ProgressEvent.Finished.class);
  }

  @Test
  void machineTypeIsResolvedWhilePlanning() {
    Deployment d = f.deploy(echo).machineType(MachineType.atLeast(2, 1024)).apply();
    assertThat(f.cloud.resource(ResourceKind.INSTANCE, "echo")).isPresent();
    assertThat(d.instances()).hasSize(1);

    assertThatThrownBy(() -> f.deploy(echo).machineType(MachineType.atLeast(64, 1024)).plan())
        .hasMessageContaining("machineType");
  }

  @Test
  void applyAsyncValidatesOnTheCallersThreadAndCompletesWithTheDeployment() throws Exception {
    assertThatThrownBy(() -> f.deploy(echo).count(0).applyAsync())
        .isInstanceOf(dev.hermitcloud.InvalidSpecException.class);
    assertThat(f.cloud.mutatingCalls()).isZero();

    Deployment d = f.deploy(echo).applyAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(d.instances()).extracting(i -> i.name()).containsExactly("echo");
  }

  @Test
  void serialLogReadsAndFollowsTheConsole() {
    Deployment d = f.deploy(echo).apply();
    f.cloud.console("echo", "booting\nhermit: ready\n");

    assertThat(d.serialLog().read()).contains("hermit: ready");
    StringBuilder seen = new StringBuilder();
    assertThat(d.serialLog().follow(seen::append, text -> text.contains("ready"), Duration.ofSeconds(5))).isTrue();
    assertThat(seen).hasToString("booting\nhermit: ready\n");
  }
}
