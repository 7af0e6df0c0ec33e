package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.testkit.HttpAnswers;
import dev.hermitcloud.unikernel.Unikernel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boot mode of the fake OpenStack: each server runs as a QEMU VM (TCG) from its Glance image. The demo
 * kernel's report reaches {@code Deployment.serialLog()} through os-getConsoleOutput and the VM ending
 * leaves the server SHUTOFF; the echo kernel answers only while the security group lets 127.0.0.1 in.
 * The generous waits are for TCG on a loaded machine; they are waits, not timed assertions.
 */
class OpenStackBootModeTest {
  private static final Duration BOOT = Duration.ofMinutes(5);

  @TempDir
  Path dir;

  private FakeOpenStack cloud;
  private Fixture f;

  @BeforeEach
  void startFake() {
    // addresses of their own: QEMU binds the forwarded ports, and other tests on this host use the defaults
    cloud = FakeClouds.quick().boot(true).network("private", "127.94.2.0/24", false).network("public", "127.94.1.0/24", true)
        .start();
    f = new Fixture(dir);
  }

  @AfterEach
  void stopFake() {
    cloud.close();
  }

  @Test
  void theDemoKernelsReportIsInTheConsoleAndTheVmEndingShutsTheServerOff() throws Exception {
    Unikernel demo = Unikernel.named("demo").loader(DemoKernel.writeTo(dir.resolve("demo.elf")), "-uart=io:0x3f8")
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {1, 2, 3}), "answer=42").build();
    try (Deployment d = f.deploy(FakeClouds.password(cloud), demo).apply()) {
      StringBuilder seen = new StringBuilder();
      d.serialLog().follow(seen::append, s -> seen.toString().contains(DemoKernel.DONE), BOOT);

      assertThat(DemoKernel.reportIn(seen.toString())).contains("hermit-demo: modules 1", DemoKernel.DONE);
      // the demo kernel halts (no isa-debug-exit on a cloud); the guest powering off ends QEMU, as this does
      String id = cloud.servers().stream().filter(s -> s.name().equals("demo")).findFirst().orElseThrow().id();
      long pid = cloud.vmPid(id);
      assertThat(pid).isPositive();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      String status = awaitStatus("demo", "SHUTOFF");
      assertThat(status).isEqualTo("SHUTOFF");
    }
  }

  @Test
  void theEchoKernelAnswersOnlyWhileTheSecurityGroupLetsTheClientIn() throws Exception {
    Unikernel echo = Unikernel.named("echo").loader(EchoKernel.writeTo(dir.resolve("echo")), EchoKernel.commandLine(8000))
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {4, 5})).build();
    try (Deployment d = f.deploy(FakeClouds.password(cloud), echo).apply()) {
      URI hello = URI.create("http://" + d.instances().get(0).address().orElseThrow() + ":8000/hello");
      assertThat(HttpAnswers.await(hello, BOOT)).hasValueSatisfying(body -> assertThat(body).startsWith("GET /hello HTTP/1.1"));

      Hermit.deploy(echo).to(FakeClouds.password(cloud)).engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY)
          .machineType(MachineType.atLeast(1, 512)).expose(Port.tcp(8000)).from("10.0.0.0/8").apply().close();
      assertThat(HttpAnswers.once(hello)).isEmpty();
    }
    assertThat(cloud.runningVms()).hasSize(1);
    f.destroy(FakeClouds.password(cloud), "echo");
    // deleting the server stopped its VM
    assertThat(cloud.runningVms()).isEmpty();
  }

  /** Polls the server's status until it is {@code wanted} or the boot wait is over; returns the last status. */
  private String awaitStatus(String name, String wanted) throws InterruptedException {
    long deadline = System.nanoTime() + BOOT.toNanos();
    String status = "";
    while (System.nanoTime() < deadline && !(status = statusOf(name)).equals(wanted)) {
      Thread.sleep(200);
    }
    return status;
  }

  private String statusOf(String name) {
    return cloud.servers().stream().filter(s -> s.name().equals(name)).map(s -> s.status()).findFirst().orElse("");
  }
}
