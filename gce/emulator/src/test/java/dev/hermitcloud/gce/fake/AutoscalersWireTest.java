package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static dev.hermitcloud.gce.fake.MigFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Autoscaler;
import com.google.cloud.compute.v1.AutoscalersClient;
import com.google.cloud.compute.v1.AutoscalingPolicy;
import com.google.cloud.compute.v1.AutoscalingPolicyCpuUtilization;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.PatchAutoscalerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real AutoscalersClient against the fake. Instances idle there, so an autoscaler in mode ON holds
 * its manager at minNumReplicas; a manual resize does not last against it, and it goes with its manager.
 */
class AutoscalersWireTest {
  private FakeGce fake;
  private AutoscalersClient autoscalers;
  private InstanceGroupManagersClient managers;

  @BeforeEach
  void start() throws Exception {
    fake = MigFixtures.fake();
    autoscalers = FakeGceClients.autoscalers(fake);
    managers = FakeGceClients.instanceGroupManagers(fake);
    try (InstanceTemplatesClient templates = FakeGceClients.instanceTemplates(fake)) {
      templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
    }
    managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 1).build()).get();
  }

  @AfterEach
  void stop() {
    autoscalers.close();
    managers.close();
    fake.close();
  }

  @Test
  void holdsItsIdleManagerAtTheMinimumAndGoesWithIt() throws Exception {
    autoscalers.insertAsync(PROJECT, ZONE, autoscaler(3, 5).build()).get();

    Autoscaler got = autoscalers.get(PROJECT, ZONE, "web-as");
    assertThat(got.getTarget()).endsWith("/zones/us-central1-a/instanceGroupManagers/web");
    assertThat(got.getRecommendedSize()).isEqualTo(3);
    assertThat(got.getStatus()).isEqualTo("ACTIVE");
    assertThat(got.getAutoscalingPolicy().getCoolDownPeriodSec()).isEqualTo(60);
    assertThat(got.getAutoscalingPolicy().getMode()).isEqualTo("ON");
    assertThat(managers.get(PROJECT, ZONE, "web").getTargetSize()).isEqualTo(3);
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getAutoscaler()).isEqualTo(got.getSelfLink());
    assertThat(fake.instances(PROJECT)).hasSize(3);

    managers.resizeAsync(PROJECT, ZONE, "web", 8).get();
    assertThat(managers.get(PROJECT, ZONE, "web").getTargetSize()).isEqualTo(3);
    assertThat(fake.instances(PROJECT)).hasSize(3);

    autoscalers.patchAsync(PatchAutoscalerRequest.newBuilder().setProject(PROJECT).setZone(ZONE)
        .setAutoscaler("web-as").setAutoscalerResource(Autoscaler.newBuilder().setName("web-as")
            .setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMinNumReplicas(2).setMaxNumReplicas(5)))
        .build()).get();
    assertThat(managers.get(PROJECT, ZONE, "web").getTargetSize()).isEqualTo(2);
    assertThat(fake.instances(PROJECT)).hasSize(2);

    managers.deleteAsync(PROJECT, ZONE, "web").get();
    assertThatThrownBy(() -> autoscalers.get(PROJECT, ZONE, "web-as")).isInstanceOf(NotFoundException.class);
    assertThat(fake.autoscalers(PROJECT)).isEmpty();
    assertThat(fake.instances(PROJECT)).isEmpty();
  }

  @Test
  void modeOffLeavesTheSizeAlone() throws Exception {
    autoscalers.insertAsync(PROJECT, ZONE, autoscaler(3, 5).setAutoscalingPolicy(AutoscalingPolicy.newBuilder()
        .setMinNumReplicas(3).setMaxNumReplicas(5).setMode("OFF")).build()).get();
    assertThat(managers.get(PROJECT, ZONE, "web").getTargetSize()).isEqualTo(1);
    autoscalers.deleteAsync(PROJECT, ZONE, "web-as").get();
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().hasAutoscaler()).isFalse();
  }

  @Test
  void refusesWhatTheServiceRefuses() throws Exception {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMinNumReplicas(4)
        .setMaxNumReplicas(2)), "resource.autoscalingPolicy.maxNumReplicas");
    refuse(problems, b -> b.setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMinNumReplicas(1)),
        "resource.autoscalingPolicy.maxNumReplicas");
    refuse(problems, b -> b.setAutoscalingPolicy(b.getAutoscalingPolicy().toBuilder().setCpuUtilization(
        AutoscalingPolicyCpuUtilization.newBuilder().setUtilizationTarget(1.5))),
        "resource.autoscalingPolicy.cpuUtilization.utilizationTarget");
    refuse(problems, b -> b.setAutoscalingPolicy(b.getAutoscalingPolicy().toBuilder().setMode("SOMETIMES")),
        "resource.autoscalingPolicy.mode");
    refuse(problems, b -> b.setTarget("zones/us-central1-a/instanceGroupManagers/nope"),
        "projects/mig-project/zones/us-central1-a/instanceGroupManagers/nope");
    assertThat(problems).isEmpty();

    autoscalers.insertAsync(PROJECT, ZONE, autoscaler(1, 2).build()).get();
    refuse(problems, b -> b.setName("second"), "already autoscaled");
    assertThat(problems).isEmpty();
    assertThat(fake.autoscalers(PROJECT)).hasSize(1);
  }

  private void refuse(List<String> problems, UnaryOperator<Autoscaler.Builder> change, String message) {
    try {
      autoscalers.insertAsync(PROJECT, ZONE, change.apply(autoscaler(1, 2)).build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      if (!MigFixtures.rootMessage(e).contains(message)) {
        problems.add("expected '" + message + "' but got: " + MigFixtures.rootMessage(e));
      }
    }
  }

  private static Autoscaler.Builder autoscaler(int min, int max) {
    return Autoscaler.newBuilder().setName("web-as").setTarget("zones/us-central1-a/instanceGroupManagers/web")
        .setAutoscalingPolicy(AutoscalingPolicy.newBuilder().setMinNumReplicas(min).setMaxNumReplicas(max)
            .setCpuUtilization(AutoscalingPolicyCpuUtilization.newBuilder().setUtilizationTarget(0.6)));
  }
}
