package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The local target's health checks, exposed ports and source rules, against a guest that really serves
 * HTTP: the echo kernel, booted from the SDK's disk image under TCG.
 */
class LocalEchoKernelTest {
  @TempDir
  Path dir;

  Local local() {
    return Local.qemu().stateDir(dir.resolve("state")).accelerator(Accelerator.TCG);
  }

  @AfterEach
  void destroyLeftovers() {
    for (String name : new String[] {"echo-ports", "echo-sources", "echo-nic"}) {
      Hermit.destroy(name).on(local());
    }
  }

  @Test
  void theHealthCheckPassesAndAnExposedPortAnswersTheEchoWhileOthersDoNot() throws Exception {
    try (Deployment d = Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-ports")).to(local())
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("127.0.0.1/32")
        .waitUntil(Health.http(EchoKernelGuest.PORT, "/"), Duration.ofMinutes(3)).apply()) {
      HttpResponse<String> hello = EchoKernelGuest.getHello(d.endpoint(EchoKernelGuest.PORT));

      assertThat(hello.statusCode()).isEqualTo(200);
      assertThat(hello.body()).startsWith("GET /hello HTTP/1.1\n")
          .contains("Header[\"User-Agent\"] = [\"hermit-test\"]\n")
          .contains("Host = \"" + d.address() + ":" + EchoKernelGuest.PORT + "\"\n")
          .containsPattern("RemoteAddr = \"10\\.0\\.2\\.2:\\d+\"\n");
      assertThatThrownBy(() -> EchoKernelGuest.connect(d.address(), EchoKernelGuest.PORT + 1))
          .as("a port that is not exposed is not forwarded").isInstanceOf(ConnectException.class);
      StringBuilder console = new StringBuilder();
      d.serialLog().follow(console::append, text -> text.contains("GET /hello from"), Duration.ofSeconds(30));
      assertThat(EchoKernel.reportIn(console.toString())).contains(EchoKernel.LISTENING)
          .anyMatch(line -> line.matches("echo-kernel: GET /hello from 10\\.0\\.2\\.2:\\d+"))
          .anyMatch(line -> line.startsWith("echo-kernel: nic virtio-net (modern"));
    }
  }

  @Test
  void aHealthCheckOnAPortNoLocalClientMayReachFailsBeforeAnythingIsMade() throws Exception {
    assertThatThrownBy(() -> Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-sources")).to(local())
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("10.0.0.0/8").expose(Port.tcp(9000)).from("0.0.0.0/0")
        .waitUntil(Health.http(EchoKernelGuest.PORT, "/")).apply())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("firewall.sources: '[10.0.0.0/8]' admit no local client, so tcp:8000 is not forwarded")
        .hasMessageContaining("add .from(\"127.0.0.0/8\")");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void aPortWhoseSourcesLeaveOutTheLoopbackNetworkIsNotForwardedWhileTheKernelServesIt() throws Exception {
    try (Deployment d = Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-sources")).to(local())
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("10.0.0.0/8").apply()) {
      StringBuilder console = new StringBuilder();
      boolean listening = d.serialLog().follow(console::append, text -> text.contains(EchoKernel.LISTENING), Duration.ofMinutes(3));
      assertThat(listening).as("serial output so far:\n%s", console).isTrue();

      assertThatThrownBy(() -> EchoKernelGuest.connect(d.address(), EchoKernelGuest.PORT))
          .isInstanceOf(ConnectException.class);
    }
  }

  /** VIRTIO, the default, is the first test's. */
  @ParameterizedTest
  @EnumSource(value = NicModel.class, names = {"RTL8139", "E1000"})
  void everyNicModelAnswers(NicModel nic) throws Exception {
    try (Deployment d = Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-nic")).to(local().nic(nic))
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("0.0.0.0/0")
        .waitUntil(Health.http(EchoKernelGuest.PORT, "/"), Duration.ofMinutes(3)).apply()) {
      HttpResponse<String> hello = EchoKernelGuest.getHello(d.endpoint(EchoKernelGuest.PORT));

      assertThat(hello.body()).startsWith("GET /hello HTTP/1.1\n");
      StringBuilder console = new StringBuilder();
      d.serialLog().follow(console::append, text -> text.contains("link up"), Duration.ofSeconds(30));
      assertThat(EchoKernel.reportIn(console.toString())).anyMatch(line -> line.startsWith("echo-kernel: nic " + expectedDriver(nic)));
    } finally {
      Hermit.destroy("echo-nic").on(local());
    }
  }

  private static String expectedDriver(NicModel nic) {
    return nic == NicModel.E1000 ? "e1000" : "rtl8139";
  }
}
