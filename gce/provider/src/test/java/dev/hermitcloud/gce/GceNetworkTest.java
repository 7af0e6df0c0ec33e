package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import org.junit.jupiter.api.Test;

/**
 * Audit A3: organisation projects have no {@code default} network and use custom-mode VPCs, which need a
 * subnetwork; the SDK says so before any change and puts instances and firewalls where it is told.
 */
class GceNetworkTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().noDefaultNetwork().customNetwork("apps").subnetwork("apps", "us-central1", "apps-a")
        .customNetwork("other").subnetwork("other", "us-central1", "other-a");
  }

  @Test
  void aProjectWithoutTheDefaultNetworkIsAClearErrorBeforeAnyChange() {
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events).apply())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("deployment.network")
        .hasMessageContaining("'default'").hasMessageContaining(".network(");
    assertThat(fake.stats().creations()).isEmpty();
    assertThat(fake.objects(GceFixture.BUCKET)).isEmpty();
  }

  @Test
  void aCustomModeNetworkWithoutASubnetworkNamesTheSubnetworksOfTheRegion() {
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events).network("apps").plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("target.subnetwork")
        .hasMessageContaining("custom-mode").hasMessageContaining("[apps-a]");
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake).subnetwork("other-a"), events)
        .network("apps").plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("belongs to network other");
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake).subnetwork("nope"), events)
        .network("apps").plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("does not exist in region us-central1");
    assertThat(fake.stats().creations()).isEmpty();
  }

  @Test
  void theInstanceAndTheFirewallGoOnTheNamedNetworkAndSubnetwork() {
    GceFixture.deploy(echo, GceFixture.target(fake).subnetwork("regions/us-central1/subnetworks/apps-a"), events)
        .network("projects/" + GceFixture.PROJECT + "/global/networks/apps").apply().close();

    FakeResource vm = fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow();
    assertThat(vm.field("/networkInterfaces/0/network")).endsWith("/global/networks/apps");
    assertThat(vm.field("/networkInterfaces/0/subnetwork")).endsWith("/regions/us-central1/subnetworks/apps-a");
    assertThat(fake.firewall(GceFixture.PROJECT, "hermit-echo").orElseThrow().field("/network"))
        .endsWith("/global/networks/apps");
  }

  @Test
  void malformedOrForeignReferencesAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> GceFixture.target(fake).subnetwork("regions/europe-west1/subnetworks/s"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("target.subnetwork")
        .hasMessageContaining("us-central1");
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events)
        .network("projects/host-project/global/networks/shared").plan())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("Shared VPC");
  }
}
