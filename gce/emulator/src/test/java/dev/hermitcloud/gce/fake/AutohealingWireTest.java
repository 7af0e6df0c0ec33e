package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static dev.hermitcloud.gce.fake.MigFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.ManagedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Autohealing against the real clients: members are probed from Google's health-check ranges, so a
 * firewall that does not admit them leaves every member UNHEALTHY and recreated over and over, and a
 * template whose app does not answer does the same. Each finishOperationsNow() is one tick of the
 * fake's clock (a probe, a repair).
 */
class AutohealingWireTest {
  private FakeGce fake;
  private InstanceGroupManagersClient managers;
  private FirewallsClient firewalls;
  private InstancesClient instances;

  @BeforeEach
  void start() throws Exception {
    fake = MigFixtures.fake();
    managers = FakeGceClients.instanceGroupManagers(fake);
    firewalls = FakeGceClients.firewalls(fake);
    instances = FakeGceClients.instances(fake);
    try (InstanceTemplatesClient templates = FakeGceClients.instanceTemplates(fake);
        HealthChecksClient checks = FakeGceClients.healthChecks(fake)) {
      templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
      checks.insertAsync(PROJECT, MigFixtures.httpCheck("web-hc").build()).get();
    }
  }

  @AfterEach
  void stop() {
    managers.close();
    firewalls.close();
    instances.close();
    fake.close();
  }

  @Test
  void membersTheProbersCannotReachAreUnhealthyAndRecreatedUntilTheFirewallAdmitsThem() throws Exception {
    // a rule for the client only: the app would answer curl, but not Google's probers
    firewalls.insertAsync(PROJECT, MigFixtures.probers("client-only").clearSourceRanges()
        .addSourceRanges("127.0.0.1/32").build()).get();
    managers.insertAsync(PROJECT, ZONE, MigFixtures.healing(MigFixtures.manager("web", "web-v1", 2), "web-hc")
        .build()).get();
    assertThat(managed()).allSatisfy(m -> {
      assertThat(m.getCurrentAction()).isEqualTo("VERIFYING");
      assertThat(m.getInstanceHealth(0).getDetailedHealthState()).isEqualTo("UNKNOWN");
    });
    Map<String, Long> ids = ids();

    fake.finishOperationsNow();

    assertThat(managed()).allSatisfy(m -> {
      assertThat(m.getInstanceHealth(0).getDetailedHealthState()).isEqualTo("UNHEALTHY");
      assertThat(m.getInstanceHealth(0).getHealthCheck()).endsWith("/global/healthChecks/web-hc");
    });
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isFalse();

    fake.finishOperationsNow();

    Map<String, Long> recreated = ids();
    assertThat(recreated.keySet()).isEqualTo(ids.keySet());
    recreated.forEach((name, id) -> assertThat(id).isNotEqualTo(ids.get(name)));

    // half the ranges is not enough: probes come from both
    firewalls.insertAsync(PROJECT, MigFixtures.probers("half").clearSourceRanges()
        .addSourceRanges("35.191.0.0/16").build()).get();
    tick(3);
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isFalse();

    firewalls.insertAsync(PROJECT, MigFixtures.probers("allow-probers").build()).get();
    converge();
    assertThat(managed()).allSatisfy(m -> {
      assertThat(m.getCurrentAction()).isEqualTo("NONE");
      assertThat(m.getInstanceHealth(0).getDetailedHealthState()).isEqualTo("HEALTHY");
    });
    assertThat(instances.get(PROJECT, ZONE, managed().get(0).getName()).getStatus()).isEqualTo("RUNNING");
  }

  @Test
  void aTemplateWhoseAppStopsAnsweringIsHealedOnceItAnswersAgain() throws Exception {
    firewalls.insertAsync(PROJECT, MigFixtures.probers("allow-probers").build()).get();
    managers.insertAsync(PROJECT, ZONE, MigFixtures.healing(MigFixtures.manager("web", "web-v1", 2), "web-hc")
        .build()).get();
    converge();
    Map<String, Long> healthy = ids();

    fake.unhealthyTemplate(PROJECT, "web-v1", true);
    tick(3);

    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isFalse();
    ids().forEach((name, id) -> assertThat(id).isNotEqualTo(healthy.get(name)));

    fake.unhealthyTemplate(PROJECT, "web-v1", false);
    converge();
    assertThat(managed()).extracting(m -> m.getInstanceHealth(0).getDetailedHealthState())
        .containsOnly("HEALTHY");
  }

  /** Moves the clock until the manager is stable, at most ten ticks. */
  private void converge() {
    for (int i = 0; i < 10 && !managers.get(PROJECT, ZONE, "web").getStatus().getIsStable(); i++) {
      fake.finishOperationsNow();
    }
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isTrue();
  }

  private void tick(int times) {
    for (int i = 0; i < times; i++) {
      fake.finishOperationsNow();
    }
  }

  private List<ManagedInstance> managed() {
    List<ManagedInstance> out = new ArrayList<>();
    managers.listManagedInstances(PROJECT, ZONE, "web").iterateAll().forEach(out::add);
    return out;
  }

  private Map<String, Long> ids() {
    Map<String, Long> out = new TreeMap<>();
    instances.list(PROJECT, ZONE).iterateAll().forEach(vm -> out.put(vm.getName(), vm.getId()));
    return out;
  }
}
