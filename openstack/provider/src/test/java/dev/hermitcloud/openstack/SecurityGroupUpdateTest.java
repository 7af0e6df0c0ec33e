package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeResource;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing the exposed ports adds and removes security group rules, and touches nothing else. */
class SecurityGroupUpdateTest {
  private static final String RULES = "/network/v2.0/security-group-rules";

  @TempDir
  Path dir;

  private FakeOpenStack cloud;
  private Fixture f;
  private OpenStack target;

  @BeforeEach
  void start() {
    cloud = FakeClouds.quick().start();
    f = new Fixture(dir);
    target = FakeClouds.password(cloud);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  @Test
  void addingAPortCreatesOneRuleAndRemovingOneDeletesOneRule() throws Exception {
    Unikernel echo = f.unikernel("echo", 1);
    f.deploy(target, echo).apply().close();
    assertThat(ingress()).containsExactly("tcp 8000-8000 0.0.0.0/0");
    Map<String, Integer> before = cloud.requestCounts();

    var both = f.deploy(target, echo).expose(Port.udp(5000, 5010)).from("10.0.0.0/8");
    Plan plan = both.plan();
    assertThat(plan.change(ResourceKind.FIREWALL, "hermit-echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    both.apply().close();

    assertThat(ingress()).containsExactlyInAnyOrder("tcp 8000-8000 0.0.0.0/0", "udp 5000-5010 10.0.0.0/8");
    assertThat(delta(before, "POST " + RULES)).isEqualTo(1);
    assertThat(delta(before, "DELETE " + RULES + "/{id}")).isZero();
    assertThat(delta(before, "PUT /network/v2.0/security-groups/{id}")).isEqualTo(1);
    assertThat(delta(before, "POST /compute/v2.1/servers")).isZero();
    assertThat(delta(before, "DELETE /compute/v2.1/servers/{id}")).isZero();
    assertThat(delta(before, "POST /image/v2/images")).isZero();
    assertThat(delta(before, "POST /network/v2.0/security-groups")).as("the lock's group only").isEqualTo(1);

    Map<String, Integer> beforeRemoval = cloud.requestCounts();
    f.deploy(target, echo).apply().close();

    assertThat(ingress()).containsExactly("tcp 8000-8000 0.0.0.0/0");
    assertThat(delta(beforeRemoval, "POST " + RULES)).isZero();
    assertThat(delta(beforeRemoval, "DELETE " + RULES + "/{id}")).isEqualTo(1);
    assertThat(delta(beforeRemoval, "POST /compute/v2.1/servers")).isZero();
    assertThat(cloud.creationCount("server", "echo")).isEqualTo(1);
    assertThat(f.deploy(target, echo).plan().hasChanges()).isFalse();
  }

  @Test
  void aGroupLeftWithoutItsRulesIsFinishedByTheNextRun() throws Exception {
    Unikernel echo = f.unikernel("echo", 1);
    cloud.faults().add(FaultRule.on("POST " + RULES).always().inject(Fault.httpError(403)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.deploy(target, echo).apply())
        .hasMessageContaining("hermit-echo");
    assertThat(cloud.securityGroups()).filteredOn(g -> g.name().equals("hermit-echo")).singleElement()
        .satisfies(g -> assertThat(g.field("description")).contains(NeutronSecurityGroups.UNFINISHED));
    cloud.faults().clear();

    f.deploy(target, echo).apply().close();

    assertThat(ingress()).containsExactly("tcp 8000-8000 0.0.0.0/0");
    assertThat(cloud.creationCount("security_group", "hermit-echo")).isEqualTo(1);
    assertThat(f.deploy(target, echo).plan().hasChanges()).isFalse();
  }

  private java.util.List<String> ingress() {
    return cloud.securityGroupRules().stream().map(FakeResource::fields)
        .filter(r -> r.path("direction").asText().equals("ingress"))
        .map(r -> r.path("protocol").asText() + " " + r.path("port_range_min").asInt() + "-"
            + r.path("port_range_max").asInt() + " " + r.path("remote_ip_prefix").asText())
        .toList();
  }

  private int delta(Map<String, Integer> before, String call) {
    return cloud.requestCount(call) - before.getOrDefault(call, 0);
  }
}
