package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Autoscaler;
import com.google.cloud.compute.v1.AutoscalingPolicy;
import com.google.cloud.compute.v1.DistributionPolicy;
import com.google.cloud.compute.v1.DistributionPolicyZoneConfiguration;
import com.google.cloud.compute.v1.FixedOrPercent;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.RegionInstanceGroupManagersClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real RegionInstanceGroupManagersClient against the fake: a regional manager spreads ordinary
 * instances evenly over its zones and shares the zonal one's controller.
 */
class RegionInstanceGroupManagersWireTest {
  private static final String REGION = "us-central1";

  private FakeGce fake;
  private RegionInstanceGroupManagersClient managers;

  @BeforeEach
  void start() throws Exception {
    fake = MigFixtures.fake();
    managers = FakeGceClients.regionInstanceGroupManagers(fake);
    try (InstanceTemplatesClient templates = FakeGceClients.instanceTemplates(fake)) {
      templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
      templates.insertAsync(PROJECT, MigFixtures.template("web-v2", "web-1").build()).get();
    }
  }

  @AfterEach
  void stop() {
    managers.close();
    fake.close();
  }

  @Test
  void spreadsItsInstancesOverTheRegionsZones() throws Exception {
    Operation op = managers.insertAsync(PROJECT, REGION, MigFixtures.manager("web", "web-v1", 8).build()).get();
    assertThat(op.hasError()).isFalse();

    InstanceGroupManager got = managers.get(PROJECT, REGION, "web");
    assertThat(got.getRegion()).endsWith("/regions/us-central1");
    assertThat(got.getSelfLink()).endsWith("/projects/mig-project/regions/us-central1/instanceGroupManagers/web");
    assertThat(got.getDistributionPolicy().getZonesList()).extracting(DistributionPolicyZoneConfiguration::getZone)
        .allMatch(z -> z.contains("/zones/us-central1-"));
    // us-central1 has four zones here; GCE picks three when the policy names none
    assertThat(got.getDistributionPolicy().getZonesCount()).isEqualTo(3);
    // maxSurge and maxUnavailable default to the number of zones
    assertThat(got.getUpdatePolicy().getMaxSurge().getFixed()).isEqualTo(3);
    assertThat(got.getUpdatePolicy().getMaxUnavailable().getFixed()).isEqualTo(3);
    assertThat(got.getStatus().getIsStable()).isTrue();
    assertThat(perZone()).isEqualTo(Map.of("us-central1-a", 3, "us-central1-b", 3, "us-central1-c", 2));
    assertThat(fake.instances(PROJECT)).allSatisfy(vm -> assertThat(vm.json().path("metadata").path("items")
        .findValuesAsText("value")).contains("projects/mig-project/regions/us-central1/instanceGroupManagers/web"));
    assertThat(managedInstances()).hasSize(8);

    managers.resizeAsync(PROJECT, REGION, "web", 2).get();
    assertThat(fake.instances(PROJECT)).hasSize(2);

    managers.patchAsync(PROJECT, REGION, "web", InstanceGroupManager.newBuilder()
        .setInstanceTemplate("global/instanceTemplates/web-v2").build()).get();
    assertThat(managedInstances()).allSatisfy(m ->
        assertThat(m.getVersion().getInstanceTemplate()).endsWith("/instanceTemplates/web-v2"));
    assertThat(fake.instances(PROJECT)).allSatisfy(vm ->
        assertThat(vm.json().path("metadata").path("items").findValuesAsText("value")).contains("web-v2"));

    managers.deleteAsync(PROJECT, REGION, "web").get();
    assertThat(fake.instances(PROJECT)).isEmpty();
    assertThatThrownBy(() -> managers.get(PROJECT, REGION, "web")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFixedSurgeOrUnavailabilityIsZeroOrAtLeastTheNumberOfZones() throws Exception {
    for (String field : new String[] {"maxSurge", "maxUnavailable"}) {
      InstanceGroupManagerUpdatePolicy.Builder policy = InstanceGroupManagerUpdatePolicy.newBuilder()
          .setMaxSurge(FixedOrPercent.newBuilder().setFixed(3)).setMaxUnavailable(FixedOrPercent.newBuilder().setFixed(0));
      if (field.equals("maxSurge")) {
        policy.setMaxSurge(FixedOrPercent.newBuilder().setFixed(1));
      } else {
        policy.setMaxUnavailable(FixedOrPercent.newBuilder().setFixed(2));
      }
      assertThatThrownBy(() -> managers.insertAsync(PROJECT, REGION, MigFixtures.manager("web", "web-v1", 3)
          .setUpdatePolicy(policy).build()).get())
          .satisfies(e -> assertThat(MigFixtures.rootMessage(e)).contains("resource.updatePolicy." + field + ".fixed")
              .contains("either 0 or at least equal to the number of zones (3)"));
    }
    assertThat(fake.regionInstanceGroupManagers(PROJECT)).isEmpty();

    managers.insertAsync(PROJECT, REGION, MigFixtures.manager("web", "web-v1", 3).setUpdatePolicy(
        InstanceGroupManagerUpdatePolicy.newBuilder().setMaxSurge(FixedOrPercent.newBuilder().setFixed(3))
            .setMaxUnavailable(FixedOrPercent.newBuilder().setFixed(0))).build()).get();
    assertThat(managers.get(PROJECT, REGION, "web").getUpdatePolicy().getMaxSurge().getFixed()).isEqualTo(3);
  }

  @Test
  void keepsToTheZonesOfItsDistributionPolicy() throws Exception {
    managers.insertAsync(PROJECT, REGION, MigFixtures.manager("web", "web-v1", 3)
        .setDistributionPolicy(DistributionPolicy.newBuilder()
            .addZones(DistributionPolicyZoneConfiguration.newBuilder().setZone("zones/us-central1-b"))
            .addZones(DistributionPolicyZoneConfiguration.newBuilder().setZone("zones/us-central1-c")))
        .build()).get();

    assertThat(perZone().keySet()).containsExactly("us-central1-b", "us-central1-c");
    assertThat(managers.get(PROJECT, REGION, "web").getUpdatePolicy().getMaxSurge().getFixed()).isEqualTo(2);
    assertThat(fake.regionInstanceGroupManagers(PROJECT)).hasSize(1);

    assertThatThrownBy(() -> managers.insertAsync(PROJECT, REGION, MigFixtures.manager("other", "web-v1", 1)
            .setDistributionPolicy(DistributionPolicy.newBuilder()
                .addZones(DistributionPolicyZoneConfiguration.newBuilder().setZone("zones/europe-west1-b")))
            .build()).get())
        .satisfies(e -> assertThat(MigFixtures.rootMessage(e)).contains("resource.distributionPolicy.zones[0].zone"));
  }

  @Test
  void aRegionalAutoscalerHoldsItsIdleGroupAtTheMinimum() throws Exception {
    managers.insertAsync(PROJECT, REGION, MigFixtures.manager("web", "web-v1", 1).build()).get();
    try (var autoscalers = FakeGceClients.regionAutoscalers(fake)) {
      autoscalers.insertAsync(PROJECT, REGION, Autoscaler.newBuilder().setName("web-as")
          .setTarget("regions/us-central1/instanceGroupManagers/web")
          .setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMinNumReplicas(4).setMaxNumReplicas(8)).build()).get();

      assertThat(autoscalers.get(PROJECT, REGION, "web-as").getRecommendedSize()).isEqualTo(4);
      assertThat(managers.get(PROJECT, REGION, "web").getStatus().getAutoscaler())
          .endsWith("/regions/us-central1/autoscalers/web-as");
      assertThat(perZone()).as("four over three zones, evenly").isEqualTo(Map.of("us-central1-a", 2, "us-central1-b", 1,
          "us-central1-c", 1));
      assertThatThrownBy(() -> autoscalers.insertAsync(PROJECT, REGION, Autoscaler.newBuilder().setName("zonal")
              .setTarget("zones/us-central1-a/instanceGroupManagers/web")
              .setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMaxNumReplicas(2)).build()).get())
          .satisfies(e -> assertThat(MigFixtures.rootMessage(e)).contains("resource.target"));

      managers.deleteAsync(PROJECT, REGION, "web").get();
      assertThat(fake.regionAutoscalers(PROJECT)).isEmpty();
    }
  }

  private Map<String, Integer> perZone() {
    Map<String, Integer> out = new TreeMap<>();
    fake.instances(PROJECT).forEach(vm -> out.merge(vm.zone(), 1, Integer::sum));
    return out;
  }

  private List<ManagedInstance> managedInstances() {
    List<ManagedInstance> out = new ArrayList<>();
    managers.listManagedInstances(PROJECT, REGION, "web").iterateAll().forEach(out::add);
    return out;
  }
}
