package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.compute.v1.InstancesClient;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeGceClients;
import org.junit.jupiter.api.Test;

/**
 * Audit B5: GCE serves the serial port only while the instance runs; a unikernel that powers off leaves it
 * TERMINATED. The fake refuses the read then, and the deployment still shows what it read before.
 */
class GceSerialAfterPowerOffTest extends FakeGceTestBase {
  @Override
  FakeGce.Builder fakeSettings() {
    return GceFixture.fake().bootOutput("hermit: booted\n");
  }

  @Test
  void theLogReadBeforeThePowerOffIsStillThere() {
    try (Deployment d = GceFixture.deploy(echo, GceFixture.target(fake), events).apply()) {
      assertThat(d.serialLog().read()).isEqualTo("hermit: booted\n");
      fake.terminate(GceFixture.PROJECT, GceFixture.ZONE, "echo");

      assertThat(d.serialLog().read()).isEqualTo("hermit: booted\n");
    }
  }

  @Test
  void theFakeRefusesTheSerialPortOfAStoppedInstance() {
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    fake.terminate(GceFixture.PROJECT, GceFixture.ZONE, "echo");
    try (InstancesClient instances = FakeGceClients.instances(fake)) {
      assertThatThrownBy(() -> instances.getSerialPortOutput(GceFixture.PROJECT, GceFixture.ZONE, "echo"))
          .rootCause().hasMessageContaining("resourceNotReady");
    }
  }
}
