package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.testkit.HttpAnswers;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Boot mode: the fake runs each instance as a QEMU VM (TCG) from the disk.raw the SDK uploaded. The demo
 * kernel's report reaches {@code Deployment.serialLog()}, the VM ending makes the instance TERMINATED, and
 * the echo kernel answers on the instance's loopback address only while the firewall lets 127.0.0.1 in.
 * Waits are generous because TCG on a loaded machine is slow; they are waits, not timed assertions.
 */
class GceBootModeTest extends FakeGceTestBase {
  private static final Duration BOOT = Duration.ofMinutes(5);

  @Override
  FakeGce.Builder fakeSettings() {
    // addresses of their own: QEMU binds the forwarded ports, and other tests on this host use 127.0.0.x
    return GceFixture.fake().boot(true).firstExternalAddress("127.93.0.2");
  }

  @Test
  void theDemoKernelsReportIsInTheSerialLogAndTheVmEndingTerminatesTheInstance() throws Exception {
    Unikernel demo = Unikernel.named("demo").loader(DemoKernel.writeTo(dir.resolve("demo.elf")), "-uart=io:0x3f8")
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {1, 2, 3}), "answer=42").build();
    try (Deployment d = GceFixture.deploy(demo, GceFixture.target(fake), events).apply()) {
      StringBuilder seen = new StringBuilder();
      d.serialLog().follow(seen::append, s -> seen.toString().contains(DemoKernel.DONE), BOOT);

      assertThat(DemoKernel.reportIn(seen.toString())).contains("hermit-demo: modules 1", DemoKernel.DONE);
      // the demo kernel halts (no isa-debug-exit on a cloud); the guest powering off ends QEMU, as this does
      long pid = fake.vmPid("demo");
      assertThat(pid).isPositive();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
      awaitStatus("demo", "TERMINATED");
      assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "demo").orElseThrow().status()).isEqualTo("TERMINATED");
      // the port is no longer served, the log read before still is
      assertThat(d.serialLog().read()).contains(DemoKernel.DONE);
    }
  }

  @Test
  void theEchoKernelAnswersOnlyWhileTheFirewallLetsTheClientIn() throws Exception {
    Unikernel echoKernel = Unikernel.named("echo").loader(EchoKernel.writeTo(dir.resolve("echo")), EchoKernel.commandLine(8000))
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {4, 5})).build();
    try (Deployment d = GceFixture.deploy(echoKernel, GceFixture.target(fake), events).apply()) {
      URI hello = URI.create("http://" + d.instances().get(0).address().orElseThrow() + ":8000/hello");
      Optional<String> answer = HttpAnswers.await(hello, BOOT);
      assertThat(answer).hasValueSatisfying(body -> assertThat(body).startsWith("GET /hello HTTP/1.1"));

      // the same port, now only from 10.0.0.0/8: the loopback client is no longer let in
      Hermit.deploy(echoKernel).to(GceFixture.target(fake)).engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY)
          .machineType(MachineType.atLeast(1, 512)).expose(Port.tcp(8000)).from("10.0.0.0/8").apply().close();
      assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo").orElseThrow().status()).isEqualTo("RUNNING");
      assertThat(HttpAnswers.once(hello)).isEmpty();
    }
    assertThat(fake.runningVms()).containsExactly("echo");
    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(GceFixture.target(fake));
    // deleting the instance stopped its VM
    assertThat(fake.runningVms()).isEmpty();
  }

  @Test
  void aManagedGroupBootsTheEchoKernelOnEveryMachineAndItsDestroyStopsTheVms() throws Exception {
    Unikernel echoKernel = Unikernel.named("echo").loader(EchoKernel.writeTo(dir.resolve("echo")), EchoKernel.commandLine(8000))
        .module(DemoModule.writeTo(dir.resolve("app"), new byte[] {6})).build();
    try (Deployment d = GceFixture.deploy(echoKernel, GceFixture.target(fake), events)
        .waitUntil(Health.http(8000, "/"), BOOT).group(Group.managed().size(2)).apply()) {
      assertThat(d.instances()).hasSize(2);
      for (var machine : d.instances()) {
        // the wait above already had each kernel answer; this reads what it says
        URI hello = URI.create("http://" + machine.address().orElseThrow() + ":8000/hello");
        assertThat(HttpAnswers.once(hello)).hasValueSatisfying(body -> assertThat(body).startsWith("GET /hello HTTP/1.1"));
      }
      assertThat(fake.runningVms()).containsExactlyInAnyOrderElementsOf(d.instances().stream().map(i -> i.name()).toList());
    }
    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).on(GceFixture.target(fake));
    assertThat(fake.runningVms()).isEmpty();
    assertThat(fake.instances(GceFixture.PROJECT)).isEmpty();
  }

  /** Polls until the instance reaches {@code status}; the caller asserts it. */
  private void awaitStatus(String instance, String status) throws InterruptedException {
    long deadline = System.nanoTime() + BOOT.toNanos();
    while (System.nanoTime() < deadline
        && !fake.instance(GceFixture.PROJECT, GceFixture.ZONE, instance).map(i -> i.status().equals(status)).orElse(false)) {
      Thread.sleep(200);
    }
  }
}
