package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Autoscaling;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Group.managed()} on GCE against the fake, whose managers make real instances, probe them from
 * Google's health-check ranges and roll updates out within maxSurge and maxUnavailable: an instance
 * template, a health check, a zonal managed instance group and an autoscaler, planned, applied, kept,
 * resized, rolled and destroyed like the deployment's other resources.
 */
class GceManagedGroupTest extends FakeGceTestBase {
  private static final Group THREE = Group.managed().size(3).healingDelay(Duration.ofSeconds(10));

  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().appStandIn(true);
  }

  @Test
  void aGroupIsATemplateAHealthCheckAndAManagedGroupWhoseMachinesAnswerAndAReapplyWritesOnlyTheLock() throws Exception {
    Plan plan = deploy(echo, THREE).plan();
    assertThat(plan.changes()).extracting(c -> c.kind().label() + " " + c.action()).contains("instance-template CREATE",
        "health-check CREATE", "instance-group CREATE").noneMatch(c -> c.startsWith("instance "));
    assertThat(plan.machineType()).as("the group's machines get the resolved type").hasValueSatisfying(type ->
        assertThat(type).startsWith("f1-micro (1 vCPU"));
    assertThat(plan.render()).contains("  machine type f1-micro (1 vCPU");

    try (Deployment d = deploy(echo, THREE).apply()) {
      assertThat(d.instances()).hasSize(3).allSatisfy(i -> assertThat(i.name()).matches("echo-[a-z0-9]{4}"));
      for (DeployedInstance machine : d.instances()) {
        assertThat(GceFixture.answer(machine.address().orElseThrow())).contains(machine.name());
      }
    }
    assertThat(fake.instances(GceFixture.PROJECT)).hasSize(3).allSatisfy(machine -> {
      assertThat(machine.labels()).containsEntry("hermit-group", "echo").doesNotContainKey("hermit-deployment");
      assertThat(machine.tags()).containsExactly("hermit-echo");
    });
    FakeResource group = fake.instanceGroupManager(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    assertThat(group.field("/targetSize")).isEqualTo("3");
    assertThat(group.field("/updatePolicy/maxSurge/fixed")).isEqualTo("1");
    assertThat(group.field("/updatePolicy/maxUnavailable/fixed")).isEqualTo("0");
    assertThat(group.field("/autoHealingPolicies/0/initialDelaySec")).isEqualTo("10");
    assertThat(fake.healthChecks(GceFixture.PROJECT)).singleElement().satisfies(check -> {
      assertThat(check.field("/type")).isEqualTo("HTTP");
      assertThat(check.field("/httpHealthCheck/port")).isEqualTo("8000");
    });
    assertThat(fake.firewalls(GceFixture.PROJECT)).as("the probers' ranges are let in to the checked port")
        .anySatisfy(f -> assertThat(f.json().path("sourceRanges").toString()).contains("35.191.0.0/16", "130.211.0.0/22"));

    assertReapplyWritesOnlyTheLock(deploy(echo, THREE), 3);
  }

  @Test
  void aResizePatchesTheGroupAndANewImageRollsOutNewMachinesBeforeTheOldGo() throws Exception {
    deploy(echo, THREE).apply().close();
    String oldTemplate = fake.instanceTemplates(GceFixture.PROJECT).get(0).name();

    Plan grown = deploy(echo, THREE.size(4)).apply().plan();
    assertThat(grown.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(names(fake.instances(GceFixture.PROJECT))).hasSize(4);
    Set<String> before = names(fake.instances(GceFixture.PROJECT));

    Unikernel changed = GceFixture.unikernel(dir, "echo", 64 * 1024, 2);
    Plan rolled;
    try (Deployment d = deploy(changed, THREE.size(4)).apply()) {
      rolled = d.plan();
      assertThat(d.instances()).hasSize(4).extracting(DeployedInstance::name).doesNotContainAnyElementsOf(before);
    }
    assertThat(rolled.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(rolled.change(Gce.INSTANCE_TEMPLATE, oldTemplate).orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).singleElement()
        .satisfies(t -> assertThat(t.name()).isNotEqualTo(oldTemplate));
    assertThat(fake.instances(GceFixture.PROJECT)).hasSize(4);
    assertThat(fake.stats().requests("POST", RouteTemplates.INSTANCES)).as("no instance inserted by the SDK itself").isZero();
    assertThat(deploy(changed, THREE.size(4)).plan().hasChanges()).isFalse();
  }

  @Test
  void aNewVersionThatFailsItsHealthCheckStopsTheRolloutAndTheOldMachinesGoOnServing() throws Exception {
    deploy(echo, THREE).apply().close();
    Set<String> serving = names(fake.instances(GceFixture.PROJECT));
    Unikernel broken = GceFixture.unikernel(dir, "echo", 64 * 1024, 3);
    String newTemplate = deploy(broken, THREE).plan().changes().stream()
        .filter(c -> c.kind().equals(Gce.INSTANCE_TEMPLATE) && c.action() == Action.CREATE).findFirst().orElseThrow().name();
    fake.unhealthyTemplate(GceFixture.PROJECT, newTemplate, true);

    assertThatThrownBy(() -> deploy(broken, THREE).apply()).isInstanceOf(DeploymentException.class)
        .hasMessageContaining("the rollout of group echo to template " + newTemplate + " stopped: echo-")
        .hasMessageContaining("fails health check echo-h")
        .hasMessageContaining("Machines of the earlier template go only as new ones become healthy");

    assertThat(names(fake.instances(GceFixture.PROJECT))).as("every old machine still runs").containsAll(serving);
    for (FakeResource old : fake.instances(GceFixture.PROJECT)) {
      if (serving.contains(old.name())) {
        assertThat(old.status()).isEqualTo("RUNNING");
        assertThat(GceFixture.answer(old.natIp())).contains(old.name());
      }
    }
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).as("the old template is kept for its machines").hasSize(2);

    fake.unhealthyTemplate(GceFixture.PROJECT, newTemplate, false);
    try (Deployment fixed = deploy(broken, THREE).apply()) {
      assertThat(fixed.instances()).hasSize(3).extracting(DeployedInstance::name).doesNotContainAnyElementsOf(serving);
    }
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo(newTemplate));
  }

  @Test
  void anAutoscalerSizesTheGroupWithinItsBoundsAndIsPatchedInPlace() throws Exception {
    Group scaled = Group.managed().autoscale(Autoscaling.between(2, 5).cpuTarget(0.5));
    try (Deployment d = deploy(echo, scaled).apply()) {
      assertThat(d.instances()).hasSize(2);
    }
    assertThat(fake.autoscalers(GceFixture.PROJECT)).singleElement().satisfies(a -> {
      assertThat(a.field("/target")).endsWith("/zones/" + GceFixture.ZONE + "/instanceGroupManagers/echo");
      assertThat(a.field("/autoscalingPolicy/minNumReplicas")).isEqualTo("2");
      assertThat(a.field("/autoscalingPolicy/maxNumReplicas")).isEqualTo("5");
      assertThat(a.field("/autoscalingPolicy/cpuUtilization/utilizationTarget")).isEqualTo("0.5");
    });
    assertThat(deploy(echo, scaled).plan().hasChanges()).isFalse();

    Plan raised = deploy(echo, Group.managed().autoscale(Autoscaling.between(3, 6))).apply().plan();
    assertThat(raised.change(Gce.AUTOSCALER, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(fake.autoscalers(GceFixture.PROJECT)).singleElement()
        .satisfies(a -> assertThat(a.field("/autoscalingPolicy/minNumReplicas")).isEqualTo("3"));
    assertThat(fake.instanceGroupManagers(GceFixture.PROJECT)).singleElement()
        .satisfies(g -> assertThat(g.field("/targetSize")).as("the autoscaler's minimum, idle").isEqualTo("3"));
  }

  @Test
  void droppingTheAutoscalerDeletesItBeforeTheGroupIsResizedSoOneApplySettlesTheSize() throws Exception {
    deploy(echo, Group.managed().autoscale(Autoscaling.between(2, 5))).apply().close();

    Plan fixed = deploy(echo, Group.managed().size(4)).apply().plan();

    assertThat(fixed.change(Gce.AUTOSCALER, "echo").orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(fixed.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(fake.autoscalers(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instanceGroupManager(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().field("/targetSize"))
        .isEqualTo("4");
    assertThat(deploy(echo, Group.managed().size(4)).plan().hasChanges()).as("settled by the one apply").isFalse();
  }

  @Test
  void destroyRemovesTheAutoscalerGroupMachinesTemplateHealthCheckFirewallAndImage() throws Exception {
    deploy(echo, Group.managed().size(2).autoscale(Autoscaling.between(1, 3))).apply().close();

    Plan destroyed = Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY)
        .onProgress(events::add).on(GceFixture.target(fake));

    assertThat(destroyed.changes()).extracting(c -> c.kind().label()).contains("autoscaler", "instance-group",
        "instance-template", "health-check", "firewall", "image");
    assertThat(fake.autoscalers(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instanceGroupManagers(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instances(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.healthChecks(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.firewalls(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.images(GceFixture.PROJECT)).isEmpty();
  }

  @Test
  void anotherHealthCheckMovesTheGroupToItAndDroppingTheCheckReplacesTheGroup() throws Exception {
    deploy(echo, THREE).apply().close();
    String firstCheck = fake.healthChecks(GceFixture.PROJECT).get(0).name();

    Plan moved = GceFixture.deploy(echo, GceFixture.target(fake), events).waitUntil(Health.tcp(8000)).group(THREE).apply().plan();
    assertThat(moved.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(moved.change(Gce.HEALTH_CHECK, firstCheck).orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(fake.healthChecks(GceFixture.PROJECT)).singleElement().satisfies(c -> assertThat(c.field("/type")).isEqualTo("TCP"));

    Plan unhealed = GceFixture.deploy(echo, GceFixture.target(fake), events).group(THREE).apply().plan();
    assertThat(unhealed.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.REPLACE);
    assertThat(fake.healthChecks(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instanceGroupManager(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().json()
        .path("autoHealingPolicies").size()).isZero();
    assertThat(GceFixture.deploy(echo, GceFixture.target(fake), events).group(THREE).plan().hasChanges()).isFalse();
  }

  @Test
  void movingFromCountToAGroupDeletesTheSdksInstancesOnceTheGroupServes() throws Exception {
    GceFixture.deploy(echo, GceFixture.target(fake), events).count(2).waitUntil(Health.http(8000, "/")).apply().close();

    Plan moved = deploy(echo, THREE).apply().plan();

    assertThat(moved.change(ResourceKind.INSTANCE, "echo-0").orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(moved.change(ResourceKind.INSTANCE, "echo-1").orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(names(fake.instances(GceFixture.PROJECT))).hasSize(3).doesNotContain("echo-0", "echo-1");
  }

  private DeploymentDefinition.WithCreate deploy(Unikernel unikernel, Group group) {
    return GceFixture.deploy(unikernel, GceFixture.target(fake), events).waitUntil(Health.http(8000, "/")).group(group);
  }

  private static Set<String> names(List<FakeResource> resources) {
    return resources.stream().map(FakeResource::name).collect(Collectors.toSet());
  }
}
