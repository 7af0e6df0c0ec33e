package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.InvalidSpecException;
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
 * A managed group's servers on OpenStack are replaced a batch at a time (Nova has no rolling update): the
 * old server of the next batch goes only once the servers before it are back and answer, so the group
 * never has more than {@code maxUnavailable} servers out of service.
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
  void aNewImageReplacesTheServersOneAtATimeEachAfterTheOneBeforeAnswers() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group three = Group.managed().size(3);
    deploy(target, f.unikernel("echo", 1), three).apply().close();

    Unikernel changed = f.unikernel("echo", 2);
    try (Deployment d = deploy(target, changed, three).onProgress(this::record).apply()) {
      assertThat(d.plan().changes()).filteredOn(c -> c.kind().equals(ResourceKind.INSTANCE)).extracting(c -> c.action())
          .containsOnly(Action.REPLACE).hasSize(3);
    }

    // each old server goes only after the server before it is back and has answered its health check
    assertThat(order).containsSubsequence("answers echo-0", "delete echo-1", "answers echo-1", "delete echo-2");
    assertThat(order.indexOf("delete echo-1")).isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(order.indexOf("delete echo-2")).isGreaterThan(order.indexOf("answers echo-1"));
    assertThat(cloud.servers()).hasSize(3);
  }

  @Test
  void aServersFloatingIpGoesAndComesBackWithItsBatch() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY).floatingIpFrom("public");
    Group two = Group.managed().size(2);
    deploy(target, f.unikernel("echo", 1), two).apply().close();

    deploy(target, f.unikernel("echo", 2), two).onProgress(this::record).apply().close();

    assertThat(order.indexOf("delete floating-ip echo-1"))
        .as("the second server keeps its public address until the first is back and answers")
        .isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(cloud.servers()).hasSize(2);
  }

  @Test
  void twoAtATimeWhenTwoMayBeOutOfServiceAndASurgeIsRefused() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Group four = Group.managed().size(4).rollout(0, 2);
    deploy(target, f.unikernel("echo", 1), four).apply().close();

    deploy(target, f.unikernel("echo", 2), four).onProgress(this::record).apply().close();

    assertThat(order.indexOf("delete echo-2")).isGreaterThan(order.indexOf("answers echo-0"));
    assertThat(order.indexOf("delete echo-3")).isGreaterThan(order.indexOf("answers echo-1"));
    assertThat(order.indexOf("delete echo-1")).as("the second of the first batch waits for nobody")
        .isLessThan(order.indexOf("answers echo-0"));
    assertThatThrownBy(() -> deploy(target, f.unikernel("echo", 2), Group.managed().size(4).rollout(1, 0)).plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageStartingWith("group.rollout.maxSurge: '1' is more than OpenStack can do");
  }

  @Test
  void aNewVersionThatDoesNotAnswerStopsTheRolloutAndTheLaterServersKeepTheEarlierVersion() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    deploy(target, f.unikernel("echo", 1), Group.managed().size(3)).apply().close();
    List<String> before = new ArrayList<>(cloud.servers().stream().map(s -> s.id()).toList());
    cloud.appStandIn(false); // the new version's app never answers (nor would the old, but it is not asked)

    assertThatThrownBy(() -> deploy(target, f.unikernel("echo", 2), Group.managed().size(3))
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

  private void record(ProgressEvent event) {
    if (event instanceof ProgressEvent.StepStarted started) {
      String kind = started.change().kind().equals(ResourceKind.INSTANCE) ? "" : started.change().kind().label() + " ";
      order.add("delete " + kind + started.change().name());
    } else if (event instanceof ProgressEvent.HealthCheckAttempt attempt && attempt.healthy()) {
      order.add("answers " + attempt.instance());
    }
  }
}
