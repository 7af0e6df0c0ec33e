package dev.hermitcloud.gce.fake;

import static dev.hermitcloud.gce.fake.MigFixtures.PROJECT;
import static dev.hermitcloud.gce.fake.MigFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.FixedOrPercent;
import com.google.cloud.compute.v1.HealthChecksClient;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstanceGroupManager;
import com.google.cloud.compute.v1.InstanceGroupManagerUpdatePolicy;
import com.google.cloud.compute.v1.InstanceGroupManagersClient;
import com.google.cloud.compute.v1.InstanceTemplatesClient;
import com.google.cloud.compute.v1.InstancesClient;
import com.google.cloud.compute.v1.InsertInstanceGroupManagerRequest;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.ManagedInstance;
import com.google.cloud.compute.v1.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real InstanceGroupManagersClient against the fake: the manager makes ordinary instances from its
 * template, resizes, recreates what is deleted behind its back, and takes its instances with it.
 * Operations take no time here, so each call returns with the group already acted on.
 */
class InstanceGroupManagersWireTest {
  private static final String MANAGER_PATH = "projects/mig-project/zones/us-central1-a/instanceGroupManagers/web";

  private FakeGce fake;
  private InstanceGroupManagersClient managers;
  private InstanceTemplatesClient templates;
  private HealthChecksClient checks;
  private InstancesClient instances;

  @BeforeEach
  void start() throws Exception {
    fake = MigFixtures.fake();
    managers = FakeGceClients.instanceGroupManagers(fake);
    templates = FakeGceClients.instanceTemplates(fake);
    checks = FakeGceClients.healthChecks(fake);
    instances = FakeGceClients.instances(fake);
    templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
  }

  @AfterEach
  void stop() {
    managers.close();
    templates.close();
    checks.close();
    instances.close();
    fake.close();
  }

  @Test
  void createsOrdinaryInstancesFromTheTemplate() throws Exception {
    Operation op = managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 3).build()).get();
    assertThat(op.hasError()).isFalse();

    List<Instance> members = members();
    assertThat(members).hasSize(3);
    assertThat(new HashSet<>(members.stream().map(MigFixtures::natIp).toList())).hasSize(3);
    for (Instance vm : members) {
      assertThat(vm.getName()).matches("web-[a-z0-9]{4}");
      assertThat(vm.getStatus()).isEqualTo("RUNNING");
      assertThat(vm.getLabelsMap()).isEqualTo(Map.of("hermit-deployment", "web"));
      assertThat(vm.getMachineType()).endsWith("/zones/us-central1-a/machineTypes/e2-small");
      assertThat(vm.getTags().getItemsList()).containsExactly(MigFixtures.TAG);
      assertThat(MigFixtures.natIp(vm)).startsWith("127.");
      assertThat(vm.getMetadata().getItemsList()).extracting(Items::getKey, Items::getValue)
          .contains(org.assertj.core.groups.Tuple.tuple("created-by", MANAGER_PATH),
              org.assertj.core.groups.Tuple.tuple("instance-template",
                  "projects/mig-project/global/instanceTemplates/web-v1"),
              org.assertj.core.groups.Tuple.tuple("app", "web-v1"));
    }

    InstanceGroupManager got = managers.get(PROJECT, ZONE, "web");
    assertThat(got.getSelfLink()).endsWith(MANAGER_PATH);
    assertThat(got.getInstanceTemplate()).endsWith("/projects/mig-project/global/instanceTemplates/web-v1");
    assertThat(got.getVersions(0).getInstanceTemplate()).isEqualTo(got.getInstanceTemplate());
    assertThat(got.getInstanceGroup()).endsWith("/zones/us-central1-a/instanceGroups/web");
    assertThat(got.getZone()).endsWith("/zones/us-central1-a");
    assertThat(got.getFingerprint()).isNotEmpty();
    assertThat(got.getStatus().getIsStable()).isTrue();
    assertThat(got.getStatus().getVersionTarget().getIsReached()).isTrue();
    assertThat(got.getCurrentActions().getNone()).isEqualTo(3);
    // the documented defaults of a zonal group's update policy
    assertThat(got.getUpdatePolicy().getType()).isEqualTo("PROACTIVE");
    assertThat(got.getUpdatePolicy().getMinimalAction()).isEqualTo("REPLACE");
    assertThat(got.getUpdatePolicy().getMaxSurge().getFixed()).isEqualTo(1);
    assertThat(got.getUpdatePolicy().getMaxUnavailable().getFixed()).isEqualTo(1);

    List<ManagedInstance> managed = managedInstances();
    assertThat(managed).hasSize(3);
    assertThat(managed).allSatisfy(m -> {
      assertThat(m.getCurrentAction()).isEqualTo("NONE");
      assertThat(m.getInstanceStatus()).isEqualTo("RUNNING");
      assertThat(m.getVersion().getInstanceTemplate()).isEqualTo(got.getInstanceTemplate());
      assertThat(m.getInstance()).contains("/zones/us-central1-a/instances/web-");
      assertThat(m.getId()).isPositive();
    });
    assertThat(fake.instanceGroupManagers(PROJECT)).hasSize(1);
    assertThat(fake.resourceCounts()).containsEntry("instanceGroupManager", 1).containsEntry("instance", 3);
  }

  @Test
  void resizesUpAndDown() throws Exception {
    managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 2).build()).get();
    assertThat(managers.resizeAsync(PROJECT, ZONE, "web", 5).get().getOperationType()).isEqualTo("resize");
    assertThat(members()).hasSize(5);
    assertThat(managers.get(PROJECT, ZONE, "web").getTargetSize()).isEqualTo(5);

    managers.resizeAsync(PROJECT, ZONE, "web", 1).get();
    assertThat(members()).hasSize(1);
    assertThat(managedInstances()).hasSize(1);
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isTrue();
  }

  @Test
  void recreatesAnInstanceDeletedThroughTheInstancesApi() throws Exception {
    managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 2).build()).get();
    Instance victim = members().get(0);

    instances.deleteAsync(PROJECT, ZONE, victim.getName()).get();

    Instance back = instances.get(PROJECT, ZONE, victim.getName());
    assertThat(back.getId()).isNotEqualTo(victim.getId());
    assertThat(back.getStatus()).isEqualTo("RUNNING");
    assertThat(members()).hasSize(2);
  }

  @Test
  void deletingTheManagerDeletesItsInstancesFirst() throws Exception {
    fake.operationDuration(Duration.ofMinutes(1));
    managers.insertCallable().futureCall(InsertInstanceGroupManagerRequest.newBuilder().setProject(PROJECT)
        .setZone(ZONE).setInstanceGroupManagerResource(MigFixtures.manager("web", "web-v1", 2)).build()).get();
    fake.finishOperationsNow();
    assertThat(members()).hasSize(2);
    assertThat(managers.get(PROJECT, ZONE, "web").getStatus().getIsStable()).isTrue();

    Operation deleting = managers.deleteCallable().futureCall(
        com.google.cloud.compute.v1.DeleteInstanceGroupManagerRequest.newBuilder()
            .setProject(PROJECT).setZone(ZONE).setInstanceGroupManager("web").build()).get();

    assertThat(deleting.getStatus()).isNotEqualTo(Operation.Status.DONE);
    assertThat(members()).allSatisfy(vm -> assertThat(vm.getStatus()).isIn("STAGING", "STOPPING", "RUNNING"));
    assertThat(managers.get(PROJECT, ZONE, "web").getCurrentActions().getDeleting()).isEqualTo(2);
    fake.finishOperationsNow();
    try (var operations = FakeGceClients.zoneOperations(fake)) {
      assertThat(operations.get(PROJECT, ZONE, deleting.getName()).getStatus()).isEqualTo(Operation.Status.DONE);
    }
    assertThat(members()).isEmpty();
    assertThatThrownBy(() -> managers.get(PROJECT, ZONE, "web")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aTemplateOrHealthCheckInUseCannotBeDeleted() throws Exception {
    checks.insertAsync(PROJECT, MigFixtures.httpCheck("web-hc").build()).get();
    managers.insertAsync(PROJECT, ZONE, MigFixtures.healing(MigFixtures.manager("web", "web-v1", 1), "web-hc")
        .build()).get();

    assertThatThrownBy(() -> templates.deleteAsync(PROJECT, "web-v1").get()).satisfies(e ->
        assertThat(MigFixtures.rootMessage(e)).contains("resourceInUseByAnotherResource").contains(
            "The instance_template resource 'projects/mig-project/global/instanceTemplates/web-v1' is already being used by '"
                + MANAGER_PATH + "'"));
    assertThatThrownBy(() -> checks.deleteAsync(PROJECT, "web-hc").get()).satisfies(e ->
        assertThat(MigFixtures.rootMessage(e)).contains("resourceInUseByAnotherResource").contains("health_check"));

    managers.deleteAsync(PROJECT, ZONE, "web").get();
    templates.deleteAsync(PROJECT, "web-v1").get();
    checks.deleteAsync(PROJECT, "web-hc").get();
    assertThat(fake.instanceTemplates(PROJECT)).isEmpty();
  }

  @Test
  void aRepeatedRequestIdCreatesOneManager() throws Exception {
    String id = UUID.randomUUID().toString();
    InsertInstanceGroupManagerRequest insert = InsertInstanceGroupManagerRequest.newBuilder().setProject(PROJECT)
        .setZone(ZONE).setRequestId(id).setInstanceGroupManagerResource(MigFixtures.manager("web", "web-v1", 1)).build();
    String first = managers.insertAsync(insert).get().getName();
    assertThat(managers.insertAsync(insert).get().getName()).isEqualTo(first);
    assertThat(members()).hasSize(1);
  }

  @Test
  void aStateResetDropsManagersAndTheirInstancesAndStartsAfresh() throws Exception {
    managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 2).build()).get();

    fake.reset(true);

    assertThat(fake.resourceCounts()).containsEntry("instanceGroupManager", 0).containsEntry("instance", 0)
        .containsEntry("instanceTemplate", 0);
    fake.addReadyImage(PROJECT, "web-1", "web", 1);
    templates.insertAsync(PROJECT, MigFixtures.template("web-v1", "web-1").build()).get();
    managers.insertAsync(PROJECT, ZONE, MigFixtures.manager("web", "web-v1", 1).build()).get();
    assertThat(members()).hasSize(1);
    assertThat(fake.stats().requests("POST", RouteTemplates.INSTANCE_GROUP_MANAGERS)).isEqualTo(1);
  }

  @Test
  void refusesWhatTheServiceRefuses() {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.clearBaseInstanceName(), "resource.baseInstanceName");
    refuse(problems, b -> b.setBaseInstanceName("a".repeat(59)), "resource.baseInstanceName");
    refuse(problems, b -> b.setInstanceTemplate("global/instanceTemplates/nope"),
        "projects/mig-project/global/instanceTemplates/nope");
    refuse(problems, b -> b.setTargetSize(-1), "resource.targetSize");
    refuse(problems, b -> b.setUpdatePolicy(MigFixtures.surge(0, 0)), "maxSurge or maxUnavailable");
    refuse(problems, b -> b.setUpdatePolicy(InstanceGroupManagerUpdatePolicy.newBuilder()
        .setMaxSurge(FixedOrPercent.newBuilder().setPercent(50))), "resource.updatePolicy.maxSurge.percent");
    refuse(problems, b -> b.setUpdatePolicy(InstanceGroupManagerUpdatePolicy.newBuilder().setType("EVENTUALLY")),
        "resource.updatePolicy.type");
    refuse(problems, b -> MigFixtures.healing(b, "no-such-check"), "projects/mig-project/global/healthChecks/no-such-check");
    assertThat(problems).isEmpty();
    assertThat(fake.instanceGroupManagers(PROJECT)).isEmpty();
    assertThat(fake.instances(PROJECT)).isEmpty();
  }

  private void refuse(List<String> problems, UnaryOperator<InstanceGroupManager.Builder> change, String message) {
    try {
      managers.insertAsync(PROJECT, ZONE, change.apply(MigFixtures.manager("bad", "web-v1", 1)).build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      if (!MigFixtures.rootMessage(e).contains(message)) {
        problems.add("expected '" + message + "' but got: " + MigFixtures.rootMessage(e));
      }
    }
  }

  private List<Instance> members() {
    List<Instance> out = new ArrayList<>();
    instances.list(PROJECT, ZONE).iterateAll().forEach(out::add);
    return out;
  }

  private List<ManagedInstance> managedInstances() {
    List<ManagedInstance> out = new ArrayList<>();
    managers.listManagedInstances(PROJECT, ZONE, "web").iterateAll().forEach(out::add);
    return out;
  }
}
