package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.spec.Autoscaling;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.unikernel.Unikernel;
import org.junit.jupiter.api.Test;

/**
 * The portable {@code Group.managed()} on OpenStack: {@code size} servers in a server group the deployment
 * owns, with the target's policy or anti-affinity; what Nova cannot do (autoscaling, a surge above the
 * size) is refused before any call.
 */
class ManagedGroupTest extends FakeOpenStackTestBase {
  @Test
  void aManagedGroupIsItsSizeInServersInAServerGroupAndResizesAndDestroysLikeCount() throws Exception {
    OpenStack target = FakeClouds.password(cloud).serverGroup(ServerGroupPolicy.AFFINITY);
    Unikernel echo = f.unikernel("echo", 1);

    try (Deployment d = f.deploy(target, echo).group(Group.managed().size(2)).apply()) {
      assertThat(d.instances()).extracting(i -> i.name()).containsExactly("echo-0", "echo-1");
    }
    assertThat(cloud.serverGroups()).singleElement().satisfies(g -> {
      assertThat(g.name()).isEqualTo("hermit-echo-affinity");
      assertThat(g.fields().path("members")).hasSize(2);
    });
    int writes = cloud.mutatingRequestCount();
    assertThat(f.deploy(target, echo).group(Group.managed().size(2)).plan().hasChanges()).isFalse();
    assertThat(f.deploy(target, echo).count(2).plan().hasChanges()).as("the same as count(2) with the group").isFalse();

    Plan grown = f.deploy(target, echo).group(Group.managed().size(3)).apply().plan();
    assertThat(grown.change(dev.hermitcloud.resource.ResourceKind.INSTANCE, "echo-2"))
        .hasValueSatisfying(c -> assertThat(c.action()).isEqualTo(Action.CREATE));
    assertThat(cloud.mutatingRequestCount()).isGreaterThan(writes);
    assertThat(cloud.serverGroups()).singleElement().satisfies(g -> assertThat(g.fields().path("members")).hasSize(3));

    f.destroy(target, "echo");
    assertThat(cloud.servers()).isEmpty();
    assertThat(cloud.serverGroups()).isEmpty();
  }

  @Test
  void withoutAPolicyOnTheTargetAManagedGroupSpreadsItsServers() throws Exception {
    Plan plan = f.deploy(FakeClouds.password(cloud), f.unikernel("echo", 1)).group(Group.managed()).plan();

    assertThat(plan.change(OpenStack.SERVER_GROUP, "hermit-echo-anti-affinity"))
        .hasValueSatisfying(c -> assertThat(c.action()).isEqualTo(Action.CREATE));
  }

  @Test
  void autoscalingIsRefusedBeforeAnyCall() throws Exception {
    OpenStack target = FakeClouds.password(cloud);
    Unikernel echo = f.unikernel("echo", 1);
    int requests = total(cloud.requestCounts());

    assertThatThrownBy(() -> f.deploy(target, echo).group(Group.managed().autoscale(Autoscaling.between(1, 4))).plan())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("group.autoscale")
        .hasMessageContaining("Group.managed().size(1)");
    assertThat(total(cloud.requestCounts())).as("no call made").isEqualTo(requests);
  }

  @Test
  void aRegionalGroupIsRefusedBeforeAnyCall() throws Exception {
    OpenStack target = FakeClouds.password(cloud);
    Unikernel echo = f.unikernel("echo", 1);
    int requests = total(cloud.requestCounts());

    assertThatThrownBy(() -> f.deploy(target, echo).group(Group.managed().size(2).regional()).plan())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("group.regional"))
        .hasMessageContaining("spreads its servers over hosts by its policy");
    assertThat(total(cloud.requestCounts())).as("no call made").isEqualTo(requests);
  }

  private static int total(java.util.Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
