package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.openstack.fake.FakeResource;
import dev.hermitcloud.unikernel.Unikernel;
import org.junit.jupiter.api.Test;

/** Floating IPs: made with the server's port, the address clients use, released on destroy. */
class FloatingIpTest extends FakeOpenStackTestBase {
  @Test
  void eachMachineGetsAFloatingIpAsItsAddressAndDestroyReleasesThem() throws Exception {
    OpenStack target = FakeClouds.password(cloud).floatingIpFrom("public");
    Unikernel echo = f.unikernel("echo", 1);
    try (Deployment d = f.deploy(target, echo).count(2).apply()) {
      assertThat(cloud.floatingIps()).hasSize(2).allSatisfy(ip -> assertThat(ip.field("port_id")).isNotNull());
      assertThat(d.instances()).allSatisfy(i -> {
        assertThat(i.address()).hasValueSatisfying(a -> assertThat(a).startsWith("127.0.1."));
        assertThat(i.privateAddress()).hasValueSatisfying(a -> assertThat(a).startsWith("127.0.2."));
      });
      assertThat(cloud.floatingIps()).extracting(FakeResource::name)
          .containsExactlyInAnyOrderElementsOf(d.instances().stream().map(i -> i.address().orElseThrow()).toList());
      assertThat(cloud.floatingIps()).allSatisfy(ip ->
          assertThat(ip.field("description")).contains("hermit-deployment=echo"));
    }

    f.destroy(target, "echo");

    assertThat(cloud.floatingIps()).isEmpty();
    assertThat(cloud.servers()).isEmpty();
    assertThat(cloud.creations()).containsEntry("floating_ip/echo-0", 1).containsEntry("floating_ip/echo-1", 1);
  }

  @Test
  void withoutAFloatingIpNetworkTheFixedAddressIsTheAddress() throws Exception {
    try (Deployment d = f.deploy(FakeClouds.password(cloud), f.unikernel("echo", 1)).apply()) {
      assertThat(d.instances().get(0).address()).hasValueSatisfying(a -> assertThat(a).startsWith("127.0.2."));
      assertThat(cloud.floatingIps()).isEmpty();
    }
  }

  @Test
  void aServerDeleteThatOpenstack4jReportsAsDoneDespite503IsSentAgain() throws Exception {
    OpenStack target = FakeClouds.password(cloud).floatingIpFrom("public");
    f.deploy(target, f.unikernel("echo", 1)).apply().close();
    cloud.faults().add(FaultRule.on("DELETE /compute/v2.1/servers/{id}").inject(Fault.httpError(503)));

    f.destroy(target, "echo");

    assertThat(cloud.servers()).isEmpty();
    assertThat(cloud.floatingIps()).isEmpty();
    assertThat(cloud.requestCount("DELETE /compute/v2.1/servers/{id}")).isEqualTo(2);
  }

  @Test
  void aFloatingIpNetworkThatIsNotExternalIsAClearError() throws Exception {
    OpenStack target = FakeClouds.password(cloud).floatingIpFrom("private");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.deploy(target, f.unikernel("echo", 1)).apply())
        .hasMessageContaining("openstack.floatingIpFrom: 'private' is not an external network")
        .hasMessageContaining("public");
  }
}
