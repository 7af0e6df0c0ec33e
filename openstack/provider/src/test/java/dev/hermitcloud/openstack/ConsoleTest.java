package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.provider.ConsoleChunk;
import dev.hermitcloud.provider.ConsoleReader;
import dev.hermitcloud.provider.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The serial console through os-getConsoleOutput, read from offsets and followed. */
class ConsoleTest extends FakeOpenStackTestBase {
  @Test
  void readsFromAnOffsetOnlyWhatFollowsIt() throws Exception {
    OpenStack target = FakeClouds.password(cloud);
    f.deploy(target, f.unikernel("echo", 1)).apply().close();
    String serverId = cloud.servers().get(0).id();
    cloud.appendConsoleOutput(serverId, "hermit: booted\n");

    try (Provider provider = target.connect()) {
      ConsoleReader console = provider.console();
      ConsoleChunk first = console.read("echo", 0);
      assertThat(first.start()).isZero();
      assertThat(first.text()).startsWith("fake-openstack: powering on echo").endsWith("hermit: booted\n");
      assertThat(first.next()).isEqualTo(first.text().length());

      assertThat(console.read("echo", first.next()).text()).isEmpty();
      cloud.appendConsoleOutput(serverId, "hello from the app\n");
      ConsoleChunk second = console.read("echo", first.next());
      assertThat(second.text()).isEqualTo("hello from the app\n");
      assertThat(second.start()).isEqualTo(first.next());
      assertThat(second.next()).isEqualTo(first.next() + second.text().length());
    }
  }

  @Test
  void theDeploymentsSerialLogFollowsTheConsole() throws Exception {
    try (Deployment d = f.deploy(FakeClouds.password(cloud), f.unikernel("echo", 1)).apply()) {
      cloud.appendConsoleOutput(cloud.servers().get(0).id(), "ready on port 8000\n");
      StringBuilder seen = new StringBuilder();
      boolean found = d.serialLog().follow(seen::append, text -> text.contains("ready on port 8000"), Duration.ofSeconds(10));
      assertThat(found).isTrue();
      assertThat(d.serialLog().read()).contains("powering on echo", "ready on port 8000");
    }
  }
}
