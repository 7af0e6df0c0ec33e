package dev.hermitcloud.gce;

import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.testkit.FakeCloud;
import dev.hermitcloud.testkit.ProviderContractTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The provider contract, through the real Google clients against the wire-level fake. */
class GceContractTest extends ProviderContractTest {
  private FakeGce fake;

  @BeforeEach
  void startFake() throws IOException {
    fake = GceFixture.fake().appStandIn(true).start();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Override
  protected Target target() {
    return GceFixture.target(fake);
  }

  @Override
  protected FakeCloud fake() {
    return new FakeGceCloud(fake);
  }
}
