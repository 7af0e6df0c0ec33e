package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.time.Duration;

/**
 * {@link CloudBehaviourTest} on the fake, in boot mode (each server a QEMU VM from its Glance image), on
 * loopback ranges of its own so that its forwarded ports clash with no other test's.
 */
class FakeOpenStackBehaviourTest extends CloudBehaviourTest {
  private FakeOpenStack cloud;

  @Override
  void startBackend() {
    // a build of seconds, as on the real cloud, so that the console is read while the server builds
    cloud = FakeClouds.quick().buildTime(Duration.ofSeconds(3)).boot(true).network("private", "127.96.2.0/24", false)
        .network("public", "127.96.1.0/24", true).start();
  }

  @Override
  void stopBackend() {
    cloud.close();
  }

  @Override
  OpenStack target() {
    return FakeClouds.password(cloud).network("private").floatingIpFrom("public");
  }
}
