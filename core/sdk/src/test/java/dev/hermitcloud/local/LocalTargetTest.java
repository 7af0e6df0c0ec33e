package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoReport;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.MissingHostToolException;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local target boots the real disk image in QEMU (TCG) and behaves like a cloud: idempotent, owned, destroyable. */
class LocalTargetTest {
  @TempDir
  Path dir;

  Local local() {
    return Local.qemu().stateDir(dir.resolve("state")).accelerator(Accelerator.TCG);
  }

  @AfterEach
  void destroyLeftovers() {
    Hermit.destroy("demo").on(local());
  }

  Unikernel demo(String moduleText) throws Exception {
    Path kernel = DemoKernel.writeTo(dir.resolve("hermit-demo.elf"));
    Path module = DemoModule.writeTo(dir.resolve("hello"), moduleText.getBytes(StandardCharsets.US_ASCII));
    return Unikernel.named("demo").loader(kernel, "-uart=io:0x3f8 \"mode=local test\"").module(module, "answer=42").build();
  }

  long pid(Path state, String instance) throws Exception {
    String record = Files.readString(state.resolve("instances").resolve(instance).resolve("record.json"));
    return Long.parseLong(record.replaceAll("(?s).*\"pid\"\\s*:\\s*(\\d+).*", "$1"));
  }

  @Test
  void deployReadsSerialReappliesToTheSameVmAndDestroysEverything() throws Exception {
    Unikernel demo = demo("hello\n");
    Path state = dir.resolve("state");
    long firstPid;
    try (Deployment d = Hermit.deploy(demo).to(local()).expose(Port.tcp(8000)).from("127.0.0.1/32").apply()) {
      assertThat(d.address()).startsWith("127.77.");
      StringBuilder console = new StringBuilder();
      boolean done = d.serialLog().follow(console::append, text -> text.contains(DemoKernel.DONE), Duration.ofSeconds(60));
      assertThat(done).as("serial output so far:\n%s", console).isTrue();
      assertThat(DemoKernel.reportIn(console.toString())).containsExactlyElementsOf(DemoReport.expected(demo));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(d.address(), 8000), 2000);
      }
      firstPid = pid(state, "demo");
      assertThat(ProcessHandle.of(firstPid)).isPresent();
    }

    Plan again = Hermit.deploy(demo).to(local()).expose(Port.tcp(8000)).from("127.0.0.1/32").plan();
    assertThat(again.hasChanges()).as(again.render()).isFalse();
    Hermit.deploy(demo).to(local()).expose(Port.tcp(8000)).from("127.0.0.1/32").apply().close();
    assertThat(pid(state, "demo")).isEqualTo(firstPid);

    Plan destroyed = Hermit.destroy("demo").on(local());
    assertThat(destroyed.changes()).extracting(c -> c.kind()).containsExactlyInAnyOrder(ResourceKind.INSTANCE, ResourceKind.IMAGE);
    assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (Stream<Path> left = Files.walk(state)) {
      assertThat(left.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock"))).isEmpty();
    }
  }

  @Test
  void aVmThatDiedIsReplacedAndAChangedModuleReplacesImageAndVm() throws Exception {
    Path state = dir.resolve("state");
    Hermit.deploy(demo("one\n")).to(local()).apply().close();
    long pid = pid(state, "demo");
    ProcessHandle qemu = ProcessHandle.of(pid).orElseThrow();
    qemu.destroyForcibly();
    qemu.onExit().join();

    Plan afterCrash = Hermit.deploy(demo("one\n")).to(local()).plan();
    assertThat(afterCrash.change(ResourceKind.INSTANCE, "demo").orElseThrow().action()).isEqualTo(Action.REPLACE);
    Hermit.deploy(demo("one\n")).to(local()).apply().close();
    long revived = pid(state, "demo");
    assertThat(revived).isNotEqualTo(pid);

    Plan changed = Hermit.deploy(demo("two\n")).to(local()).plan();
    assertThat(changed.changes()).filteredOn(c -> c.kind() == ResourceKind.IMAGE).extracting(c -> c.action())
        .containsExactlyInAnyOrder(Action.CREATE, Action.DELETE);
    Hermit.deploy(demo("two\n")).to(local()).apply().close();
    assertThat(ProcessHandle.of(revived).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (Stream<Path> images = Files.list(state.resolve("images"))) {
      assertThat(images.filter(p -> p.toString().endsWith(".raw"))).hasSize(1);
    }
  }

  @Test
  void missingQemuNamesThePackageBeforeAnythingIsCreated() throws Exception {
    Local broken = local().qemuBinary(dir.resolve("no-such-qemu"));
    assertThatThrownBy(() -> Hermit.deploy(demo("x")).to(broken).engineOptions(EngineOptions.defaults()).apply())
        .isInstanceOf(MissingHostToolException.class)
        .hasMessageContaining("qemu-system-x86");
    assertThat(Files.exists(dir.resolve("state"))).isFalse();
  }

  @Test
  void aStateDirThatIsAFileFailsAtOnceNamingThePathWithoutRetries() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    java.util.List<dev.hermitcloud.progress.ProgressEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    // the deployment's lock is the first thing written: it fails there, before any step
    assertThatThrownBy(() -> Hermit.deploy(demo("x")).to(local().stateDir(file)).onProgress(events::add).apply())
        .isInstanceOf(dev.hermitcloud.HostException.class)
        .hasMessageContaining(file.toString());

    assertThat(events).noneMatch(e -> e instanceof dev.hermitcloud.progress.ProgressEvent.RetryScheduled);
  }
}
