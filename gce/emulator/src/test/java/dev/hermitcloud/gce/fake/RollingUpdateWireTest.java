package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static dev.hermitcloud.gce.fake.MigFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.ManagedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rolling updates against the real clients: a PROACTIVE change of template surges within maxSurge,
 * drops an old member only once a new one is RUNNING and HEALTHY and never goes below targetSize -
 * maxUnavailable available; a new version that never turns healthy stalls with the old members kept
 * until the template is set back; OPPORTUNISTIC waits for recreations.
 */
class RollingUpdateWireTest {
  private static final String V1 = "web-v1";
  private static final String V2 = "web-v2";

  private FakeGce fake;
  private InstanceGroupManagersClient managers;
  private InstancesClient instances;

  @BeforeEach
  void start() throws Exception {
    fake = MigFixtures.fake();
    managers = FakeGceClients.instanceGroupManagers(fake);
    instances = FakeGceClients.instances(fake);
    try (InstanceTemplatesClient templates = FakeGceClients.instanceTemplates(fake);
        HealthChecksClient checks = FakeGceClients.healthChecks(fake);
        FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      templates.insertAsync(PROJECT, MigFixtures.template(V1, "web-1").build()).get();
      templates.insertAsync(PROJECT, MigFixtures.template(V2, "web-1").build()).get();
      checks.insertAsync(PROJECT, MigFixtures.httpCheck("web-hc").build()).get();
      firewalls.insertAsync(PROJECT, MigFixtures.probers("allow-probers").build()).get();
    }
  }

  @AfterEach
  void stop() {
    managers.close();
    instances.close();
    fake.close();
  }

  @Test
  void surgesOneAtATimeAndWaitsForEachNewMemberToBeHealthy() throws Exception {
    insertHealing(3, MigFixtures.surge(1, 0));

    setTemplate(V2);

    int most = 0;
    int ticks = 0;
    for (; ticks < 20 && !reached(); ticks++) {
      most = Math.max(most, instances(PROJECT));
      assertThat(instances(PROJECT)).isLessThanOrEqualTo(4);
      assertThat(healthyCount()).isGreaterThanOrEqualTo(3);
      fake.finishOperationsNow();
    }
    assertThat(most).isEqualTo(4);
    // one new member at a time, each waiting a probe: several ticks, not one
    assertThat(ticks).isGreaterThanOrEqualTo(3);
    converge();
    assertThat(versions()).isEqualTo(Map.of(V2, 3));
    assertThat(managed()).allSatisfy(m -> {
      assertThat(m.getVersion().getInstanceTemplate()).endsWith("/instanceTemplates/" + V2);
      assertThat(m.getInstanceHealth(0).getDetailedHealthState()).isEqualTo("HEALTHY");
    });
  }

  @Test
  void aVersionThatNeverTurnsHealthyStallsWithTheOldMembersKeptUntilRolledBack() throws Exception {
    insertHealing(2, MigFixtures.surge(1, 0));
    Map<String, Long> old = ids();
    fake.unhealthyTemplate(PROJECT, V2, true);

    setTemplate(V2);
    boolean sawUnhealthy = false;
    for (int tick = 0; tick < 8; tick++) {
      fake.finishOperationsNow();
      sawUnhealthy |= managed().stream().anyMatch(m -> m.getVersion().getInstanceTemplate().endsWith(V2)
          && m.getInstanceHealthCount() > 0 && m.getInstanceHealth(0).getDetailedHealthState().equals("UNHEALTHY"));
      assertThat(versions()).containsEntry(V1, 2);
    }

    assertThat(sawUnhealthy).isTrue();
    assertThat(versions()).isEqualTo(Map.of(V1, 2, V2, 1));
    ids().entrySet().stream().filter(e -> old.containsKey(e.getKey()))
        .forEach(e -> assertThat(e.getValue()).isEqualTo(old.get(e.getKey())));
    InstanceGroupManager stalled = managers.get(PROJECT, ZONE, "web");
    assertThat(stalled.getStatus().getIsStable()).isFalse();
    assertThat(stalled.getStatus().getVersionTarget().getIsReached()).isFalse();

    setTemplate(V1);
    converge();
    assertThat(versions()).isEqualTo(Map.of(V1, 2));
    assertThat(ids()).isEqualTo(old);
  }

  @Test
  void opportunisticChangesNothingUntilAnInstanceIsRecreated() throws Exception {
    insertHealing(2, InstanceGroupManagerUpdatePolicy.newBuilder().setType("OPPORTUNISTIC").build());
    Map<String, Long> old = ids();

    setTemplate(V2);
    converge();
    assertThat(ids()).isEqualTo(old);
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getVersionTarget().getIsReached()).isFalse();

    String victim = old.keySet().iterator().next();
    instances.deleteAsync(PROJECT, ZONE, victim).get();
    converge();
    assertThat(app(instances.get(PROJECT, ZONE, victim))).isEqualTo(V2);
    assertThat(versions()).isEqualTo(Map.of(V1, 1, V2, 1));
  }

  @Test
  void withoutSurgeItReplacesWithinMaxUnavailable() throws Exception {
    insertHealing(3, MigFixtures.surge(0, 1));
    setTemplate(V2);
    assertThat(versions()).isEqualTo(Map.of(V1, 2, V2, 1));
    for (int tick = 0; tick < 10 && !reached(); tick++) {
      assertThat(instances(PROJECT)).isLessThanOrEqualTo(3);
      assertThat(healthyCount()).isGreaterThanOrEqualTo(2);
      fake.finishOperationsNow();
    }
    assertThat(versions()).isEqualTo(Map.of(V2, 3));
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isTrue();
  }

  private void insertHealing(int size, InstanceGroupManagerUpdatePolicy policy) throws Exception {
    managers.insertAsync(PROJECT, ZONE, MigFixtures.healing(MigFixtures.manager("web", V1, size), "web-hc")
        .setUpdatePolicy(policy).build()).get();
    converge();
  }

  private void setTemplate(String template) throws Exception {
    managers.patchAsync(PROJECT, ZONE, "web", InstanceGroupManager.newBuilder()
        .setInstanceTemplate("global/instanceTemplates/" + template).build()).get();
  }

  private boolean reached() {
    InstanceGroupManager m = managers.get(PROJECT, ZONE, "web");
    return m.getStatus().getVersionTarget().getIsReached() && m.getStatus().getIsStable();
  }

  private void converge() {
    for (int i = 0; i < 20 && !managers.get(PROJECT, ZONE, "web").getStatus().getIsStable(); i++) {
      fake.finishOperationsNow();
    }
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isTrue();
  }

  private int instances(String project) {
    return fake.instances(project).size();
  }

  private long healthyCount() {
    return managed().stream().filter(m -> m.getInstanceHealthCount() > 0
        && m.getInstanceHealth(0).getDetailedHealthState().equals("HEALTHY")).count();
  }

  /** Instances by the template they were made from (the template's own metadata says which). */
  private Map<String, Integer> versions() {
    Map<String, Integer> out = new TreeMap<>();
    instances.list(PROJECT, ZONE).iterateAll().forEach(vm -> out.merge(app(vm), 1, Integer::sum));
    return out;
  }

  private static String app(Instance vm) {
    return vm.getMetadata().getItemsList().stream().filter(i -> i.getKey().equals("app"))
        .map(Items::getValue).findFirst().orElseThrow();
  }

  private Map<String, Long> ids() {
    Map<String, Long> out = new TreeMap<>();
    instances.list(PROJECT, ZONE).iterateAll().forEach(vm -> out.put(vm.getName(), vm.getId()));
    return out;
  }

  private List<ManagedInstance> managed() {
    List<ManagedInstance> out = new ArrayList<>();
    managers.listManagedInstances(PROJECT, ZONE, "web").iterateAll().forEach(out::add);
    return out;
  }
}
