package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed group's servers on OpenStack are replaced a batch at a time (Nova has no rolling update). By
 * default each server's successor is made beside it under its other name, {@code maxSurge} at a time, and
 * the old server goes once the new one answers; with no surge, the old server of the next batch goes only
 * once the servers before it are back and answer, so the group never has more than {@code maxUnavailable}
 * servers out of service.
 */
class GroupRolloutTest {
  @TempDir
  Path dir;

  FakeOpenStack cloud;
  Fixture f;
  final List<String> order = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    cloud = FakeClouds.quick().appStandIn(true, 8000).start();
    f = new Fixture(dir);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  @Test
  void aNewImageMakesEachServersSuccessorBesideItOneAtATimeAndTheOldGoesOnceTheNewAnswers() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group three = Group.managed().size(3);
    deploy(target, f.unikernel("echo", 1), three).apply().close();

    try (Deployment d = deploy(target, f.unikernel("echo", 2), three).onProgress(this::record).apply()) {
      assertThat(d.plan().changes()).filteredOn(c -> c.kind().equals(ResourceKind.INSTANCE))
          .extracting(c -> c.action() + " " + c.name())
          .containsExactlyInAnyOrder("REPLACE echo-0-b", "REPLACE echo-1-b", "REPLACE echo-2-b");
      assertThat(d.instances()).extracting(i -> i.name()).containsExactly("echo-0-b", "echo-1-b", "echo-2-b");
    }

    // never more than one server above the size: the next successor is made once the last old server is gone
    assertThat(order).containsSubsequence("make echo-0-b", "answers echo-0-b", "gone echo-0", "make echo-1-b",
        "answers echo-1-b", "gone echo-1", "make echo-2-b", "answers echo-2-b", "gone echo-2");
    assertThat(cloud.servers()).extracting(s -> s.name()).containsExactlyInAnyOrder("echo-0-b", "echo-1-b", "echo-2-b");

    // the next version goes back to the first names
    deploy(target, f.unikernel("echo", 3), three).apply().close();
    assertThat(cloud.servers()).extracting(s -> s.name()).containsExactlyInAnyOrder("echo-0", "echo-1", "echo-2");
  }

  @Test
  void withNoSurgeTheServersAreReplacedInPlaceOneAtATimeEachAfterTheOneBeforeAnswers() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group three = Group.managed().size(3).rollout(0, 1);
    deploy(target, f.unikernel("echo", 1), three).apply().close();

    try (Deployment d = deploy(target, f.unikernel("echo", 2), three).onProgress(this::record).apply()) {
      assertThat(d.plan().changes()).filteredOn(c -> c.kind().equals(ResourceKind.INSTANCE)).extracting(c -> c.action())
          .containsOnly(Action.REPLACE).hasSize(3);
    }

    // each old server goes only after the server before it is back and has answered its health check
    assertThat(order).containsSubsequence("answers echo-0", "delete echo-1", "answers echo-1", "delete echo-2");
    assertThat(order.indexOf("delete echo-1")).isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(order.indexOf("delete echo-2")).isGreaterThan(order.indexOf("answers echo-1"));
    assertThat(cloud.servers()).extracting(s -> s.name()).containsExactlyInAnyOrder("echo-0", "echo-1", "echo-2");
  }

  @Test
  void aServersFloatingIpMovesWithItAndTheOldAddressServesUntilTheSuccessorAnswers() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY).floatingIpFrom("public");
    Group two = Group.managed().size(2);
    deploy(target, f.unikernel("echo", 1), two).apply().close();

    deploy(target, f.unikernel("echo", 2), two).onProgress(this::record).apply().close();

    assertThat(order).containsSubsequence("make floating-ip echo-0-b", "answers echo-0-b", "gone floating-ip echo-0");
    assertThat(order.indexOf("gone floating-ip echo-1")).as("the second server keeps its public address until its own successor answers")
        .isGreaterThan(order.indexOf("answers echo-1-b"));
    assertThat(cloud.servers()).hasSize(2);
    assertThat(cloud.floatingIps()).hasSize(2);
  }

  @Test
  void aFloatingIpGoesAndComesBackWithItsBatchWhenReplacedInPlace() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY).floatingIpFrom("public");
    Group two = Group.managed().size(2).rollout(0, 1);
    deploy(target, f.unikernel("echo", 1), two).apply().close();

    deploy(target, f.unikernel("echo", 2), two).onProgress(this::record).apply().close();

    assertThat(order.indexOf("delete floating-ip echo-1"))
        .as("the second server keeps its public address until the first is back and answers")
        .isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(cloud.servers()).hasSize(2);
  }

  @Test
  void twoAtATimeWhenTwoMayBeOutOfServiceOrTwoMayBeAbove() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group four = Group.managed().size(4).rollout(0, 2);
    deploy(target, f.unikernel("echo", 1), four).apply().close();

    deploy(target, f.unikernel("echo", 2), four).onProgress(this::record).apply().close();

    assertThat(order.indexOf("delete echo-2")).isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(order.indexOf("delete echo-3")).isGreaterThan(order.indexOf("answers echo-1"));
    assertThat(order.indexOf("delete echo-1")).as("the second of the first batch waits for nobody")
        .isLessThan(order.indexOf("answers echo-0"));

    order.clear();
    Group surgeOfTwo = Group.managed().size(4).rollout(2, 0);
    deploy(target, f.unikernel("echo", 3), surgeOfTwo).onProgress(this::record).apply().close();
    assertThat(order.indexOf("make echo-1-b")).as("the second of the first batch is made beside the first")
        .isLessThan(order.indexOf("answers echo-0-b"));
    assertThat(order.indexOf("make echo-2-b")).isGreaterThan(order.indexOf("gone echo-0"));
    assertThat(order.indexOf("make echo-3-b")).isGreaterThan(order.indexOf("gone echo-1"));
    assertThat(cloud.servers()).hasSize(4);
  }

  @Test
  void aSuccessorThatDoesNotAnswerIsDeletedAgainAndEveryOldServerKeepsServing() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    deploy(target, f.unikernel("echo", 1), Group.managed().size(3)).apply().close();
    List<String> before = new ArrayList<>(cloud.servers().stream().map(s -> s.id()).toList());
    cloud.appStandIn(false); // the new version's app never answers (nor would the old, but it is not asked)

    assertThatThrownBy(() -> deploy(target, f.unikernel("echo", 2), Group.managed().size(3))
        .waitUntil(Health.http(8000, "/"), Duration.ofSeconds(2)).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("the replacement of echo-0 stopped: its successor echo-0-b did not pass http :8000/ within 2 s")
        .hasMessageContaining("echo-0-b is deleted again and echo-0 keeps running the earlier version, as do the"
            + " instances not yet replaced");

    assertThat(cloud.servers().stream().map(s -> s.id()).toList()).as("the three old servers, and only they")
        .containsExactlyInAnyOrderElementsOf(before);

    // once the app answers again, the next apply starts from the old servers alone
    cloud.appStandIn(true);
    deploy(target, f.unikernel("echo", 2), Group.managed().size(3)).apply().close();
    assertThat(cloud.servers()).extracting(s -> s.name()).containsExactlyInAnyOrder("echo-0-b", "echo-1-b", "echo-2-b");
  }

  @Test
  void withNoSurgeANewVersionThatDoesNotAnswerStopsTheRolloutAndTheLaterServersKeepTheEarlierVersion() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group inPlace = Group.managed().size(3).rollout(0, 1);
    deploy(target, f.unikernel("echo", 1), inPlace).apply().close();
    List<String> before = new ArrayList<>(cloud.servers().stream().map(s -> s.id()).toList());
    cloud.appStandIn(false);

    assertThatThrownBy(() -> deploy(target, f.unikernel("echo", 2), inPlace)
        .waitUntil(Health.http(8000, "/"), Duration.ofSeconds(2)).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("the rollout stopped at echo-0: did not pass http :8000/ within 2 s")
        .hasMessageContaining("The instances not yet replaced keep running the earlier version");

    List<String> after = cloud.servers().stream().map(s -> s.id()).toList();
    assertThat(after).hasSize(3);
    assertThat(after.stream().filter(before::contains)).as("echo-1 and echo-2 were not touched").hasSize(2);
  }

  private dev.hermitcloud.DeploymentDefinition.WithCreate deploy(OpenStack target, Unikernel unikernel, Group group) {
    return f.deploy(target, unikernel).waitUntil(Health.http(8000, "/"), Duration.ofSeconds(30)).group(group);
  }

  /** "make X" when a replacement made beside starts, "gone X" when it ends, "delete X" when one in place starts. */
  private void record(ProgressEvent event) {
    if (event instanceof ProgressEvent.StepStarted started) {
      order.add((aside(started.change()) ? "make " : "delete ") + label(started.change()));
    } else if (event instanceof ProgressEvent.StepFinished finished && aside(finished.change())) {
      order.add("gone " + label(finished.change()).replace("-b", ""));
    } else if (event instanceof ProgressEvent.HealthCheckAttempt attempt && attempt.healthy()) {
      order.add("answers " + attempt.instance());
    }
  }

  private static boolean aside(dev.hermitcloud.plan.Change change) {
    return change.action() == Action.REPLACE && change.reason().contains("made beside")
        || change.reason().startsWith("follows its instance");
  }

  private static String label(dev.hermitcloud.plan.Change change) {
    String kind = change.kind().equals(ResourceKind.INSTANCE) ? "" : change.kind().label() + " ";
    return kind + change.name();
  }
}
