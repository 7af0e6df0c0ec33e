package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallsClient;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.cloud.compute.v1.ListFirewallsRequest;
import com.google.cloud.compute.v1.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real FirewallsClient against the fake: lifecycle, PATCH via method override, validation. */
class FirewallsWireTest {
  private static final String PROJECT = "fw-project";

  private FakeGce fake;
  private FirewallsClient firewalls;
  private GlobalOperationsClient operations;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).start();
    firewalls = FakeGceClients.firewalls(fake);
    operations = FakeGceClients.globalOperations(fake);
  }

  @AfterEach
  void stop() {
    firewalls.close();
    operations.close();
    fake.close();
  }

  @Test
  void insertsGetsListsPatchesAndDeletes() throws Exception {
    Operation inserted = firewalls.insertAsync(PROJECT, rule("echo-allow").build()).get();
    assertThat(inserted.hasError()).isFalse();
    Firewall got = firewalls.get(PROJECT, "echo-allow");
    assertThat(got.getDescription()).isEqualTo("hermit-deployment=echo");
    assertThat(got.getNetwork()).endsWith("/projects/fw-project/global/networks/default");
    assertThat(got.getAllowed(0).getPortsList()).containsExactly("8000");
    assertThat(got.getPriority()).isEqualTo(1000);

    Operation patched = firewalls.patchAsync(PROJECT, "echo-allow", rule("echo-allow")
        .clearSourceRanges().addSourceRanges("10.0.0.0/8")
        .setAllowed(0, Allowed.newBuilder().setIPProtocol("tcp").addPorts("8000-8010"))
        .build()).get();

    assertThat(patched.hasError()).isFalse();
    assertThat(patched.getOperationType()).isEqualTo("patch");
    Firewall after = firewalls.get(PROJECT, "echo-allow");
    assertThat(after.getSourceRangesList()).containsExactly("10.0.0.0/8");
    assertThat(after.getAllowed(0).getPortsList()).containsExactly("8000-8010");
    assertThat(after.getId()).isEqualTo(got.getId());
    assertThat(fake.stats().requests("PATCH", RouteTemplates.FIREWALL)).isEqualTo(1);

    firewalls.insertAsync(PROJECT, rule("other").build()).get();
    List<String> names = new ArrayList<>();
    firewalls.list(ListFirewallsRequest.newBuilder().setProject(PROJECT)
            .setFilter("description eq '.*hermit-deployment=echo.*'").setMaxResults(1).build())
        .iterateAll().forEach(f -> names.add(f.getName()));
    assertThat(names).containsExactly("echo-allow", "other");

    firewalls.deleteAsync(PROJECT, "echo-allow").get();
    assertThatThrownBy(() -> firewalls.get(PROJECT, "echo-allow"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> firewalls.deleteAsync(PROJECT, "echo-allow").get())
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void aRuleBecomesVisibleWhenItsOperationIsDone() throws Exception {
    fake.operationDuration(Duration.ofMinutes(1));

    Operation started = firewalls.insertCallable().futureCall(InsertFirewallRequest.newBuilder()
        .setProject(PROJECT).setFirewallResource(rule("late")).build()).get();

    assertThatThrownBy(() -> firewalls.get(PROJECT, "late")).isInstanceOf(NotFoundException.class);
    fake.finishOperationsNow();
    operations.wait(PROJECT, started.getName());
    assertThat(firewalls.get(PROJECT, "late").getName()).isEqualTo("late");
  }

  @Test
  void anInsertAnsweredDoneIsNotPolled() throws Exception {
    fake.operationDuration(Duration.ZERO);

    Operation op = firewalls.insertAsync(PROJECT, rule("instant").build()).get();

    assertThat(op.getStatus()).isEqualTo(Operation.Status.DONE);
    assertThat(firewalls.get(PROJECT, "instant").getName()).isEqualTo("instant");
    assertThat(fake.stats().requests("GET", RouteTemplates.GLOBAL_OPERATION)).isZero();
  }

  @Test
  void refusesWhatTheServiceRefuses() {
    List<String> problems = new ArrayList<>();
    refuse(problems, b -> b.setDirection("SIDEWAYS"), "resource.direction");
    refuse(problems, b -> b.setAllowed(0, Allowed.newBuilder().setIPProtocol("tcp")
        .addPorts("90-80")), "resource.allowed[0].ports[0]");
    refuse(problems, b -> b.setAllowed(0, Allowed.newBuilder().setIPProtocol("tcp")
        .addPorts("70000")), "resource.allowed[0].ports[0]");
    refuse(problems, b -> b.setAllowed(0, Allowed.newBuilder().setIPProtocol("icmp")
        .addPorts("80")), "Ports may only be specified");
    refuse(problems, b -> b.setAllowed(0, Allowed.newBuilder().setIPProtocol("carrier-pigeon")),
        "IPProtocol");
    refuse(problems, b -> b.clearAllowed(), "Exactly one of 'allowed' or 'denied'");
    refuse(problems, b -> b.setSourceRanges(0, "10.0.0.300/8"), "resource.sourceRanges[0]");
    refuse(problems, b -> b.setSourceRanges(0, "10.0.0.0/33"), "resource.sourceRanges[0]");
    refuse(problems, b -> b.setPriority(70000), "resource.priority");
    refuse(problems, b -> b.setTargetTags(0, "Web_1"), "resource.targetTags[0]");
    // GCE answers a missing network with 400, not 404 (audit B6; btcpayserver-googlecloud#7)
    refuse(problems, b -> b.setNetwork("global/networks/elsewhere"), "The referenced network resource cannot be found.");
    refuse(problems, b -> b.setName("-bad"), "resource.name");
    assertThat(problems).isEmpty();
    assertThat(fake.firewalls(PROJECT)).isEmpty();
  }

  private void refuse(List<String> problems, UnaryOperator<Firewall.Builder> change,
      String message) {
    try {
      firewalls.insertAsync(PROJECT, change.apply(rule("bad")).build()).get();
      problems.add("accepted: " + message);
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      if (!root.getMessage().contains(message)) {
        problems.add("expected '" + message + "' but got: " + root.getMessage());
      }
    }
  }

  static Firewall.Builder rule(String name) {
    return Firewall.newBuilder()
        .setName(name)
        .setDescription("hermit-deployment=echo")
        .setNetwork("global/networks/default")
        .setDirection("INGRESS")
        .addAllowed(Allowed.newBuilder().setIPProtocol("tcp").addPorts("8000"))
        .addSourceRanges("0.0.0.0/0")
        .addTargetTags("hermit-echo")
        .setPriority(1000);
  }
}
