package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link CloudBehaviourTest} on the real OpenStack (Debian 12's Zed) that {@code openstack/local-cloud/up}
 * brings up on this machine, every API on 127.0.0.1: the test command's second stage, selected with
 * {@code -Dtest='RealOpenStack*'} (the module's surefire leaves it out otherwise). Its clouds.yaml entry
 * {@code hermit-local} is the project's member user; {@code -Dhermit.openstack.clouds=FILE} points
 * elsewhere. Floating IPs come from {@code public}, which exists only on a bridge inside the machine.
 */
class RealOpenStackBehaviourTest extends CloudBehaviourTest {
  private static final Path CLOUDS = Path.of(System.getProperty("hermit.openstack.clouds",
      "/var/lib/hermit-openstack/clouds.yaml"));

  @Override
  void startBackend() {
    assertThat(Files.isReadable(CLOUDS)).as("%s is readable: the real cloud is started with"
        + " 'sudo openstack/local-cloud/up' (its README says more)", CLOUDS).isTrue();
  }

  @Override
  void stopBackend() {
    // the cloud belongs to openstack/local-cloud, which stops it with 'down'
  }

  @Override
  OpenStack target() {
    return OpenStack.cloud("hermit-local").cloudsYaml(CLOUDS).network("private").floatingIpFrom("public");
  }
}
