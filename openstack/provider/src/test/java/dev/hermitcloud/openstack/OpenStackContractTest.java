package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.testkit.FakeCloud;
import dev.hermitcloud.testkit.ProviderContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The bar every provider meets, through openstack4j against the fake OpenStack, floating IPs included. */
class OpenStackContractTest extends ProviderContractTest {
  private FakeOpenStack cloud;

  @BeforeEach
  void start() {
    cloud = FakeClouds.quick().appStandIn(true, 8000).start();
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  @Override
  protected Target target() {
    return FakeClouds.password(cloud).floatingIpFrom("public");
  }

  @Override
  protected FakeCloud fake() {
    return new FakeOpenStackCloud(cloud);
  }
}
