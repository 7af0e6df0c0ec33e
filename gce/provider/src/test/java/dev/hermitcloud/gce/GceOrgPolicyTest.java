package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.gce.fake.FakeGce;
import org.junit.jupiter.api.Test;

/** Audit B4: organisation policies refuse hermit instances with 412; the error says what to ask for. */
class GceOrgPolicyTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().orgPolicy("compute.requireShieldedVm");
  }

  @Test
  void aShieldedVmPolicyIsExplained() {
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("Constraint constraints/compute.requireShieldedVm violated")
        .hasMessageContaining("boot through BIOS GRUB").hasMessageContaining("exempt the project");
  }

  @Test
  void anExternalAddressPolicyIsExplained() throws Exception {
    fake.close();
    fake = GceFixture.fake().orgPolicy("compute.vmExternalIpAccess").start();
    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events).apply())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("constraints/compute.vmExternalIpAccess violated")
        .hasMessageContaining("ask its admin");
  }
}
