package dev.hermitcloud.gce;

import dev.hermitcloud.testkit.FastEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.compute.v1.FirewallsClient;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.fake.FakeGceClients;
import dev.hermitcloud.gce.fake.FakeResource;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Port;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment's ingress rules as GCE firewalls: scoped to its tag, patched in place, split by source set. */
class GceFirewallTest extends FakeGceTestBase {
  @Test
  void theFirewallTargetsOnlyTheDeploymentsTagAndCarriesTheOwnershipMarks() {
    deploy().apply().close();

    FakeResource firewall = fake.firewall(GceFixture.PROJECT, "hermit-echo").orElseThrow();
    assertThat(firewall.field("/direction")).isEqualTo("INGRESS");
    assertThat(firewall.json().path("targetTags").toString()).isEqualTo("[\"hermit-echo\"]");
    assertThat(firewall.json().path("sourceRanges").toString()).isEqualTo("[\"0.0.0.0/0\"]");
    assertThat(firewall.json().path("allowed")).isEqualTo(json("[{'IPProtocol':'tcp','ports':['8000']}]"));
    assertThat(firewall.field("/priority")).isEqualTo("1000");
    assertThat(firewall.description()).contains("hermit-deployment=echo").contains("hermit-spec=");
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().tags()).containsExactly("hermit-echo");
  }

  @Test
  void changedPortsArePatchedInPlaceAndTheInstanceIsKept() {
    deploy().apply().close();
    String address = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().natIp();
    fake.stats().reset();

    Plan plan = deploy().expose(Port.tcp(9000, 9010)).from("0.0.0.0/0").apply().plan();

    assertThat(plan.change(ResourceKind.FIREWALL, "hermit-echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(fake.stats().requests("PATCH", RouteTemplates.FIREWALL)).isEqualTo(1);
    assertThat(fake.stats().requests("POST", RouteTemplates.FIREWALLS)).isZero();
    assertThat(fake.stats().requests("DELETE", RouteTemplates.FIREWALL)).isZero();
    assertThat(fake.stats().requests("POST", RouteTemplates.INSTANCES)).isZero();
    assertThat(fake.stats().requests("DELETE", RouteTemplates.INSTANCE)).isZero();
    assertThat(fake.stats().creations("instance", "echo")).isEqualTo(1);
    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().natIp()).isEqualTo(address);
    assertThat(fake.firewall(GceFixture.PROJECT, "hermit-echo").orElseThrow().json().path("allowed"))
        .isEqualTo(json("[{'IPProtocol':'tcp','ports':['8000','9000-9010']}]"));
    assertThat(deploy().expose(Port.tcp(9000, 9010)).from("0.0.0.0/0").plan().hasChanges()).isFalse();
  }

  @Test
  void rulesWithOtherSourcesOrPrioritiesGetAFirewallEachAndShrinkBack() {
    DeploymentDefinition.WithCreate split = deploy().expose(Port.udp(5000, 5010)).from("10.0.0.0/8", "192.168.0.0/16")
        .expose(Port.tcp(22)).from("2001:db8::/32", "203.0.113.0/24");
    split.apply().close();

    assertThat(names()).containsExactly("hermit-1-echo", "hermit-2-echo", "hermit-3-echo", "hermit-echo");
    assertThat(ranges("hermit-echo")).isEqualTo("[\"0.0.0.0/0\"]");
    assertThat(ranges("hermit-1-echo")).isEqualTo("[\"10.0.0.0/8\",\"192.168.0.0/16\"]");
    assertThat(ranges("hermit-2-echo")).isEqualTo("[\"203.0.113.0/24\"]");
    assertThat(ranges("hermit-3-echo")).isEqualTo("[\"2001:db8::/32\"]");
    assertThat(fake.firewall(GceFixture.PROJECT, "hermit-3-echo").orElseThrow().json().path("allowed"))
        .isEqualTo(json("[{'IPProtocol':'tcp','ports':['22']}]"));
    assertThat(fake.firewalls(GceFixture.PROJECT)).allSatisfy(f -> assertThat(f.tags()).isEmpty())
        .allSatisfy(f -> assertThat(f.json().path("targetTags").toString()).isEqualTo("[\"hermit-echo\"]"));
    Plan again = split.plan();
    assertThat(again.hasChanges()).as(again.render()).isFalse();
    assertThat(again.changes()).filteredOn(c -> c.kind() == ResourceKind.FIREWALL).hasSize(1);

    fake.stats().reset();
    deploy().apply().close();

    assertThat(names()).containsExactly("hermit-echo");
    assertThat(fake.stats().requests("DELETE", RouteTemplates.FIREWALL)).isEqualTo(3);
    assertThat(fake.stats().requests("PATCH", RouteTemplates.FIREWALL)).isEqualTo(1);
    assertThat(deploy().plan().hasChanges()).isFalse();
  }

  @Test
  void aSetMissingAMemberReadsAsChangedAndIsCompleted() throws Exception {
    DeploymentDefinition.WithCreate split = deploy().expose(Port.udp(53)).from("10.0.0.0/8");
    split.apply().close();
    try (FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      firewalls.deleteAsync(GceFixture.PROJECT, "hermit-1-echo").get();
    }

    Plan plan = split.plan();
    split.apply().close();

    assertThat(plan.change(ResourceKind.FIREWALL, "hermit-echo").orElseThrow().action()).isEqualTo(Action.UPDATE);
    assertThat(names()).containsExactly("hermit-1-echo", "hermit-echo");
    assertThat(fake.stats().creations("firewall", "hermit-1-echo")).isEqualTo(2);
    assertThat(split.plan().hasChanges()).isFalse();
  }

  /** Deployment echo-1's firewall is hermit-echo-1: echo's further members must never be named like it. */
  @Test
  void destroyDeletesEveryMemberAndLeavesOtherDeploymentsFirewallsAlone() {
    deploy().expose(Port.udp(53)).from("10.0.0.0/8").apply().close();
    Hermit.deploy(echo).to(GceFixture.target(fake)).name("echo-1").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(events::add)
        .expose(Port.tcp(80)).from("0.0.0.0/0").apply().close();

    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(events::add).on(GceFixture.target(fake));

    assertThat(names()).containsExactly("hermit-echo-1");
    assertThat(fake.stats().creations()).containsEntry("firewall/hermit-1-echo", 1);
    assertThat(fake.firewall(GceFixture.PROJECT, "hermit-echo-1").orElseThrow().description())
        .contains("hermit-deployment=echo-1");
  }

  private DeploymentDefinition.WithCreate deploy() {
    return GceFixture.deploy(echo, GceFixture.target(fake), events);
  }

  private static JsonNode json(String singleQuoted) {
    try {
      return new ObjectMapper().readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private List<String> names() {
    return fake.firewalls(GceFixture.PROJECT).stream().map(FakeResource::name).sorted().toList();
  }

  private String ranges(String firewall) {
    return fake.firewall(GceFixture.PROJECT, firewall).orElseThrow().json().path("sourceRanges").toString();
  }
}
