package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.compute.v1.Denied;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.FirewallsClient;
import dev.hermitcloud.gce.fake.FakeGceClients;
import dev.hermitcloud.spec.Port;
import org.junit.jupiter.api.Test;

/**
 * Audit B7: {@code firewalls.patch} is a JSON merge patch, so fields the SDK leaves out keep their live value:
 * it sends {@code disabled: false}, and replaces a rule that someone turned into a deny rule instead of
 * patching {@code allowed} next to the live {@code denied} (which GCE refuses).
 */
class GceFirewallDriftTest extends FakeGceTestBase {
  @Test
  void aDisabledRuleIsEnabledAgainByTheNextChange() throws Exception {
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    try (FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      firewalls.patchAsync(GceFixture.PROJECT, "hermit-echo", Firewall.newBuilder().setDisabled(true).build()).get();
    }

    GceFixture.deploy(echo, GceFixture.target(fake), events).expose(Port.tcp(9000)).from("0.0.0.0/0").apply().close();

    assertThat(fake.firewall(GceFixture.PROJECT, "hermit-echo").orElseThrow().field("/disabled")).isEqualTo("false");
  }

  @Test
  void aRuleTurnedIntoADenyRuleIsReplacedWhole() throws Exception {
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    try (FirewallsClient firewalls = FakeGceClients.firewalls(fake)) {
      Firewall live = firewalls.get(GceFixture.PROJECT, "hermit-echo");
      firewalls.updateAsync(GceFixture.PROJECT, "hermit-echo", live.toBuilder().clearAllowed()
          .addDenied(Denied.newBuilder().setIPProtocol("tcp").addPorts("8000")).build()).get();
    }

    GceFixture.deploy(echo, GceFixture.target(fake), events).expose(Port.tcp(9000)).from("0.0.0.0/0").apply().close();

    var rule = fake.firewall(GceFixture.PROJECT, "hermit-echo").orElseThrow().json();
    assertThat(rule.path("denied").size()).isZero();
    assertThat(rule.path("allowed").toString()).contains("8000").contains("9000");
  }
}
