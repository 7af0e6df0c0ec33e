package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.unikernel.Unikernel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A single instance on GCE is replaced create-before-delete: its successor is made under the instance's
 * other name ({@code echo} then {@code echo-b}, then {@code echo} again), answers its health check, and
 * only then does the old machine go. A successor that does not answer is deleted again; an apply that
 * stopped between the two is finished by the next; a second name held by another deployment means the
 * old way, in place.
 */
class GceCreateBeforeDeleteTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().appStandIn(true);
  }

  @Test
  void aNewImageMakesTheSuccessorBesideTheOldMachineWhichGoesOnceTheSuccessorAnswers() throws Exception {
    deploy(echo).apply().close();
    Unikernel v2 = GceFixture.unikernel(dir, "echo", 64 * 1024, 2);

    Plan plan = deploy(v2).plan();
    assertThat(plan.changes()).filteredOn(c -> c.kind().equals(ResourceKind.INSTANCE)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo(Action.REPLACE);
      assertThat(c.name()).isEqualTo("echo-b");
      assertThat(c.reason()).contains("made beside echo, which goes once it is up");
    });
    events.clear();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    try (Deployment d = deploy(v2).onProgress(event -> {
      if (event instanceof ProgressEvent.StepStarted e && e.change().name().equals("echo-b")) {
        seen.put("started", System.nanoTime());
      } else if (event instanceof ProgressEvent.StepFinished e && e.change().name().equals("echo-b")) {
        seen.put("finished", System.nanoTime());
      }
      events.add(event);
    }).apply()) {
      assertThat(d.instances()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("echo-b"));
    }

    List<String> order = order();
    assertThat(order).containsSubsequence("start instance echo-b", "answers echo-b", "done instance echo-b");
    assertThat(order.indexOf("answers echo-b")).as("the old machine goes only once the new one answers")
        .isLessThan(order.indexOf("done instance echo-b"));
    // measured inside the engine, a little before each event reaches this listener
    Duration span = Duration.ofNanos(seen.get("finished") - seen.get("started")).minusMillis(50);
    assertThat(events).filteredOn(ProgressEvent.StepFinished.class::isInstance).map(e -> (ProgressEvent.StepFinished) e)
        .filteredOn(f -> f.change().name().equals("echo-b")).singleElement()
        .satisfies(f -> assertThat(f.took()).as("the replacement's time covers all of its steps").isGreaterThanOrEqualTo(span));
    assertThat(names()).containsExactly("echo-b");
    assertThat(deploy(v2).plan().hasChanges()).as("an unchanged re-plan").isFalse();

    // the next version takes the first name again
    deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 3)).apply().close();
    assertThat(names()).containsExactly("echo");
  }

  @Test
  void aSuccessorThatDoesNotAnswerIsDeletedAgainAndTheOldMachineServesOn() throws Exception {
    deploy(echo).apply().close();
    FakeResource old = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    fake.appStandIn(false);

    assertThatThrownBy(() -> deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 2))
        .waitUntil(Health.http(8000, "/"), Duration.ofSeconds(2)).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("the replacement of echo stopped: its successor echo-b did not pass http :8000/ within 2 s")
        .hasMessageContaining("echo-b is deleted again and echo keeps running the earlier version; fix the app");

    assertThat(names()).containsExactly("echo");
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().json().path("id"))
        .as("the same machine").isEqualTo(old.json().path("id"));
  }

  @Test
  void anApplyThatStoppedBeforeTheOldMachineWentIsFinishedByTheNext() throws Exception {
    deploy(echo).apply().close();
    Unikernel v2 = GceFixture.unikernel(dir, "echo", 64 * 1024, 2);
    fake.faults().add(FaultRule.on("DELETE", RouteTemplates.INSTANCE).times(1)
        .inject(GceFaults.httpError(403, "forbidden", "Required 'compute.instances.delete' permission")));
    assertThatThrownBy(() -> deploy(v2).apply()).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("compute.instances.delete");
    assertThat(names()).containsExactlyInAnyOrder("echo", "echo-b");

    Plan plan = deploy(v2).plan();
    assertThat(plan.changes()).filteredOn(c -> c.kind().equals(ResourceKind.INSTANCE))
        .extracting(c -> c.action() + " " + c.name())
        .containsExactlyInAnyOrder("KEEP echo-b", "DELETE echo");
    assertThat(plan.change(ResourceKind.INSTANCE, "echo").map(Change::reason).orElseThrow())
        .isEqualTo("left beside echo-b by an apply that stopped");
    // the machine left behind goes only once the kept one answers
    fake.appStandIn(false);
    assertThatThrownBy(() -> deploy(v2).waitUntil(Health.http(8000, "/"), Duration.ofSeconds(2)).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("echo-b did not pass http :8000/ within 2 s")
        .hasMessageContaining("What an earlier apply left beside it keeps running");
    assertThat(names()).containsExactlyInAnyOrder("echo", "echo-b");
    fake.appStandIn(true);
    deploy(v2).apply().close();
    assertThat(names()).containsExactly("echo-b");
  }

  @Test
  void aSecondNameHeldByAnotherDeploymentMeansAReplacementInPlace() throws Exception {
    GceFixture.deploy(GceFixture.unikernel(dir, "echo-b", 64 * 1024, 9), GceFixture.target(fake), events).apply().close();
    deploy(echo).apply().close();

    Plan plan = deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 2)).apply().plan();

    assertThat(plan.change(ResourceKind.INSTANCE, "echo").orElseThrow()).satisfies(c -> {
      assertThat(c.action()).isEqualTo(Action.REPLACE);
      assertThat(c.reason()).doesNotContain("made beside");
    });
    assertThat(names()).containsExactlyInAnyOrder("echo", "echo-b");
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo-b").orElseThrow().labels())
        .as("the other deployment's machine, untouched").containsEntry("hermit-deployment", "echo-b");
  }

  @Test
  void everyInstanceOfACountIsReplacedBesideItselfAtOnce() throws Exception {
    deploy(echo).count(3).apply().close();
    events.clear();

    deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 2)).count(3).apply().close();

    assertThat(names()).containsExactlyInAnyOrder("echo-0-b", "echo-1-b", "echo-2-b");
    List<String> order = order();
    for (int i = 0; i < 3; i++) {
      assertThat(order.indexOf("answers echo-" + i + "-b")).isLessThan(order.indexOf("done instance echo-" + i + "-b"));
    }
    assertThat(order.indexOf("start instance echo-2-b")).as("all at once: no successor waits for another's old machine")
        .isLessThan(order.indexOf("done instance echo-0-b"));
  }

  private DeploymentDefinition.WithCreate deploy(Unikernel unikernel) {
    return GceFixture.deploy(unikernel, GceFixture.target(fake), events).waitUntil(Health.http(8000, "/"));
  }

  private List<String> names() {
    return fake.instances(GceFixture.PROJECT).stream().map(FakeResource::name).toList();
  }

  /** The steps and health checks as they happened: "start instance X", "answers X", "done instance X". */
  private List<String> order() {
    List<String> order = new ArrayList<>();
    for (ProgressEvent event : events) {
      if (event instanceof ProgressEvent.StepStarted started) {
        order.add("start " + started.change().kind().label() + " " + started.change().name());
      } else if (event instanceof ProgressEvent.StepFinished finished) {
        order.add("done " + finished.change().kind().label() + " " + finished.change().name());
      } else if (event instanceof ProgressEvent.HealthCheckAttempt attempt && attempt.healthy()) {
        order.add("answers " + attempt.instance());
      }
    }
    return order;
  }
}
