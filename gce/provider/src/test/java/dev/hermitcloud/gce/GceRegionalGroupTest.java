package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.SerialLog;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.spec.Autoscaling;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Group.managed().regional()} on GCE against the fake: a regional managed instance group in the
 * target zone's region, whose machines GCE spreads over three of its zones, with a regional autoscaler;
 * planned, kept, resized, rolled and destroyed like a zonal group, and reached in whichever zone each
 * machine is.
 */
class GceRegionalGroupTest extends FakeGceTestBase {
  private static final String REGION = "us-central1";
  private static final Group THREE = Group.managed().size(3).regional().healingDelay(Duration.ofSeconds(10));

  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().appStandIn(true).bootOutput("hermit: booted\n");
  }

  @Test
  void aRegionalGroupSpreadsItsMachinesOverThreeZonesEachAnsweringAndAReapplyWritesOnlyTheLock() throws Exception {
    Plan plan = deploy(echo, THREE).plan();
    assertThat(plan.changes()).extracting(c -> c.kind().label() + " " + c.action())
        .contains("instance-template CREATE", "health-check CREATE", "regional-instance-group CREATE")
        .doesNotContain("instance-group CREATE");

    try (Deployment d = deploy(echo, THREE).apply()) {
      assertThat(d.instances()).hasSize(3).allSatisfy(i -> assertThat(i.name()).matches("echo-[a-z0-9]{4}"));
      for (DeployedInstance machine : d.instances()) {
        assertThat(GceFixture.answer(machine.address().orElseThrow())).contains(machine.name());
        assertThat(d.serialLog(machine.name()).read()).as("the console of " + machine.name() + ", in its own zone")
            .isEqualTo("hermit: booted\n");
      }
    }
    assertThat(perZone()).isEqualTo(Map.of("us-central1-a", 1, "us-central1-b", 1, "us-central1-c", 1));
    FakeResource elsewhere = fake.instances(GceFixture.PROJECT).stream().filter(vm -> !vm.zone().equals(GceFixture.ZONE))
        .findFirst().orElseThrow();
    try (Provider fresh = GceFixture.target(fake).connect()) {
      assertThat(SerialLog.of(fresh.console(), elsewhere.name()).read())
          .as("hermit logs " + elsewhere.name() + " in a new process finds it in " + elsewhere.zone())
          .isEqualTo("hermit: booted\n");
    }
    assertThat(fake.instanceGroupManagers(GceFixture.PROJECT)).as("no zonal group").isEmpty();
    assertThat(fake.regionInstanceGroupManagers(GceFixture.PROJECT)).singleElement().satisfies(group -> {
      assertThat(group.field("/region")).endsWith("/regions/" + REGION);
      assertThat(group.field("/targetSize")).isEqualTo("3");
      assertThat(group.json().path("distributionPolicy").path("zones").size()).isEqualTo(3);
      assertThat(group.field("/updatePolicy/maxSurge/fixed")).as("one per zone").isEqualTo("3");
      assertThat(group.field("/updatePolicy/maxUnavailable/fixed")).isEqualTo("0");
      assertThat(group.field("/autoHealingPolicies/0/initialDelaySec")).isEqualTo("10");
    });

    assertReapplyWritesOnlyTheLock(deploy(echo, THREE), 3);
  }

  @Test
  void aResizePatchesTheRegionalGroupAndANewImageRollsItsMachinesOverInEveryZone() throws Exception {
    deploy(echo, THREE).apply().close();

    Plan grown = deploy(echo, THREE.size(6)).apply().plan();
    assertThat(grown.change(Gce.REGIONAL_INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(perZone()).isEqualTo(Map.of("us-central1-a", 2, "us-central1-b", 2, "us-central1-c", 2));
    Set<String> before = names();

    Unikernel changed = GceFixture.unikernel(dir, "echo", 64 * 1024, 2);
    try (Deployment d = deploy(changed, THREE.size(6)).apply()) {
      assertThat(d.plan().change(Gce.REGIONAL_INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
      assertThat(d.instances()).hasSize(6).extracting(DeployedInstance::name).doesNotContainAnyElementsOf(before);
      for (DeployedInstance machine : d.instances()) {
        assertThat(GceFixture.answer(machine.address().orElseThrow())).contains(machine.name());
      }
    }
    assertThat(perZone()).isEqualTo(Map.of("us-central1-a", 2, "us-central1-b", 2, "us-central1-c", 2));
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).as("the old template went once the group left it").hasSize(1);
    assertThat(deploy(changed, THREE.size(6)).plan().hasChanges()).isFalse();
  }

  @Test
  void aRegionalAutoscalerTargetsTheRegionalGroupIsPatchedInPlaceAndDestroyRemovesEverything() throws Exception {
    Group scaled = Group.managed().regional().autoscale(Autoscaling.between(3, 6).cpuTarget(0.5));
    try (Deployment d = deploy(echo, scaled).apply()) {
      assertThat(d.instances()).hasSize(3);
    }
    assertThat(fake.autoscalers(GceFixture.PROJECT)).as("no zonal autoscaler").isEmpty();
    assertThat(fake.regionAutoscalers(GceFixture.PROJECT)).singleElement().satisfies(a -> {
      assertThat(a.field("/target")).endsWith("/regions/" + REGION + "/instanceGroupManagers/echo");
      assertThat(a.field("/autoscalingPolicy/minNumReplicas")).isEqualTo("3");
      assertThat(a.field("/autoscalingPolicy/maxNumReplicas")).isEqualTo("6");
    });
    assertThat(deploy(echo, scaled).plan().hasChanges()).isFalse();

    Group raised = Group.managed().regional().autoscale(Autoscaling.between(4, 6).cpuTarget(0.5));
    Plan patched = deploy(echo, raised).apply().plan();
    assertThat(patched.change(Gce.REGIONAL_AUTOSCALER, "echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(fake.regionInstanceGroupManagers(GceFixture.PROJECT)).singleElement()
        .satisfies(g -> assertThat(g.field("/targetSize")).as("the autoscaler's new minimum, idle").isEqualTo("4"));

    Plan destroyed = Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY)
        .onProgress(events::add).on(GceFixture.target(fake));
    assertThat(destroyed.changes()).extracting(c -> c.kind().label()).contains("regional-autoscaler",
        "regional-instance-group", "instance-template", "health-check", "firewall", "image");
    assertThat(fake.regionAutoscalers(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.regionInstanceGroupManagers(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instances(GceFixture.PROJECT)).isEmpty();
    assertThat(fake.instanceTemplates(GceFixture.PROJECT)).isEmpty();
  }

  @Test
  void aZonalGroupMadeRegionalIsReplacedByARegionalOne() throws Exception {
    Group zonal = Group.managed().size(3).healingDelay(Duration.ofSeconds(10));
    deploy(echo, zonal).apply().close();

    Plan moved = deploy(echo, THREE).apply().plan();

    assertThat(moved.change(Gce.INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.DELETE);
    assertThat(moved.change(Gce.REGIONAL_INSTANCE_GROUP, "echo").orElseThrow().action()).isEqualTo(Action.CREATE);
    assertThat(fake.instanceGroupManagers(GceFixture.PROJECT)).isEmpty();
    assertThat(perZone()).isEqualTo(Map.of("us-central1-a", 1, "us-central1-b", 1, "us-central1-c", 1));
    assertThat(deploy(echo, THREE).plan().hasChanges()).isFalse();
  }

  @Test
  void aRolloutLimitGceRefusesForARegionalGroupIsRefusedBeforeAnyCall() {
    long requests = requests();

    assertThatThrownBy(() -> deploy(echo, THREE.rollout(1, 0)).plan())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("group.rollout.maxSurge"))
        .hasMessageContaining("is neither 0 nor at least 3").hasMessageContaining("rollout(3, 0)");
    assertThatThrownBy(() -> deploy(echo, THREE.rollout(0, 2)).plan())
        .isInstanceOfSatisfying(InvalidSpecException.class,
            e -> assertThat(e.field()).isEqualTo("group.rollout.maxUnavailable"));
    assertThat(requests()).as("no call made").isEqualTo(requests);
  }

  private DeploymentDefinition.WithCreate deploy(Unikernel unikernel, Group group) {
    return GceFixture.deploy(unikernel, GceFixture.target(fake), events).waitUntil(Health.http(8000, "/")).group(group);
  }

  private Map<String, Integer> perZone() {
    Map<String, Integer> out = new TreeMap<>();
    fake.instances(GceFixture.PROJECT).forEach(vm -> out.merge(vm.zone(), 1, Integer::sum));
    return out;
  }

  private Set<String> names() {
    return fake.instances(GceFixture.PROJECT).stream().map(FakeResource::name).collect(Collectors.toSet());
  }

  private long requests() {
    return fake.stats().requestsByRoute().values().stream().mapToLong(Long::longValue).sum();
  }
}
