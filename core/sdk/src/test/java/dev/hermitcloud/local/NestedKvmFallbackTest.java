package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.internal.host.HostTools;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AUTO on a nested KVM that runs the self-test's probe and hangs every real boot, as one CI machine did:
 * the first guest stays silent under KVM, is restarted under TCG and serves, and the host stays TCG.
 * The stand-in QEMU plays that KVM (the probe prints and powers off; a real boot prints GRUB's line, then
 * nothing) and runs the real QEMU for TCG, so the test means the same on any machine.
 */
class NestedKvmFallbackTest {
  private static final Duration TRIAL = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  private Path qemu;

  private Local local() {
    return Local.qemu().stateDir(dir.resolve("state")).accelerator(Accelerator.AUTO).qemuBinary(qemu);
  }

  private KvmSelfTest selfTest() throws Exception {
    Path kvm = dir.resolve("kvm");
    if (!Files.exists(kvm)) {
      Files.createFile(kvm);
    }
    return new KvmSelfTest(qemu, dir.resolve("cache"), kvm, Duration.ofSeconds(10));
  }

  /** The local target with this test's self-test cache and device, and a short trial. */
  private Target target() {
    Local local = local();
    return new Target() {
      @Override
      public String describe() {
        return local.describe();
      }

      @Override
      public Provider connect() throws Exception {
        return new LocalProvider(local, qemu, new AcceleratorChoice(Accelerator.AUTO, selfTest(), TRIAL));
      }
    };
  }

  /** A QEMU whose KVM runs the probe but hangs real guests, logging each launch's accelerator (and a hung guest's pid). */
  private Path nestedKvmQemu() throws Exception {
    Path real = HostTools.require(Qemu.BINARY, Qemu.PACKAGE);
    Path hung = Files.copy(Path.of("/bin/sleep"), dir.resolve("qemu-hung-guest"), StandardCopyOption.COPY_ATTRIBUTES);
    Path script = dir.resolve("qemu-nested-kvm");
    Files.writeString(script, "#!/bin/sh\n"
        + "if [ \"$1\" = --version ]; then exec '" + real + "' --version; fi\n"
        + "case \" $* \" in *' -accel kvm '*) ;; *) echo tcg >> '" + dir.resolve("launches") + "'; exec '" + real + "' \"$@\";; esac\n"
        + "prev=; for a in \"$@\"; do case \"$a\" in file:*) serial=\"${a#file:}\";; esac\n"
        + "  [ \"$prev\" = -pidfile ] && pidfile=\"$a\"; [ \"$prev\" = -kernel ] && probe=1; prev=\"$a\"; done\n"
        + "if [ -n \"$probe\" ]; then echo 'kvm probe' >> '" + dir.resolve("launches") + "'; echo '" + ProbeKernel.GREETING
        + "' > \"$serial\"; exit " + ProbeKernel.EXIT_STATUS + "; fi\n"
        + "echo 'kvm guest' >> '" + dir.resolve("launches") + "'\n"
        + "printf '\\033[H\\033[J  Booting `x'\"'\"'\\r\\n\\r\\n' > \"$serial\"\n"
        + "'" + hung + "' 600 > /dev/null 2>&1 &\n"
        + "echo $! > \"$pidfile\"; echo $! > '" + dir.resolve("hung.pid") + "'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  @AfterEach
  void destroyLeftovers() throws Exception {
    if (qemu == null) {
      return;
    }
    Hermit.destroy("echo-nested").on(target());
    Hermit.destroy("echo-after").on(target());
  }

  @Test
  void aGuestSilentUnderKvmIsRestartedUnderTcgServesAndTheHostStaysTcg() throws Exception {
    qemu = nestedKvmQemu();
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    try (Deployment d = Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-nested")).to(target())
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("127.0.0.1/32")
        .waitUntil(Health.http(EchoKernelGuest.PORT, "/"), Duration.ofMinutes(3)).onProgress(events::add).apply()) {
      assertThat(EchoKernelGuest.getHello(d.endpoint(EchoKernelGuest.PORT)).statusCode()).isEqualTo(200);
    }

    assertThat(Files.readAllLines(dir.resolve("launches"))).containsExactly("kvm probe", "kvm guest", "tcg");
    long hungPid = Long.parseLong(Files.readString(dir.resolve("hung.pid")).strip());
    assertThat(ProcessHandle.of(hungPid).filter(ProcessHandle::isAlive)).as("the silent KVM guest is stopped").isEmpty();
    assertThat(events).filteredOn(ProgressEvent.Notice.class::isInstance).map(e -> ((ProgressEvent.Notice) e).message())
        .containsExactly("using TCG emulation, not KVM, from now on: guest echo-nested printed nothing of its own within"
            + " 3 s under KVM; it is restarted under TCG. Delete " + dir.resolve("cache").resolve("kvm-selftest.properties")
            + " to test KVM again, or choose Accelerator.KVM to insist");
    KvmSelfTest.Verdict kept = selfTest().verdict();
    assertThat(kept.usable()).isFalse();
    assertThat(kept.reason()).startsWith("the KVM self-test passed, but guest echo-nested printed nothing");

    List<ProgressEvent> later = new CopyOnWriteArrayList<>();
    try (Deployment d = Hermit.deploy(EchoKernelGuest.unikernel(dir, "echo-after")).to(target())
        .expose(Port.tcp(EchoKernelGuest.PORT)).from("127.0.0.1/32")
        .waitUntil(Health.http(EchoKernelGuest.PORT, "/"), Duration.ofMinutes(3)).onProgress(later::add).apply()) {
      assertThat(EchoKernelGuest.getHello(d.endpoint(EchoKernelGuest.PORT)).statusCode()).isEqualTo(200);
    }
    assertThat(Files.readAllLines(dir.resolve("launches"))).as("a later run goes straight to TCG")
        .containsExactly("kvm probe", "kvm guest", "tcg", "tcg");
    assertThat(later).filteredOn(ProgressEvent.Notice.class::isInstance).map(e -> ((ProgressEvent.Notice) e).message())
        .containsExactly("using TCG emulation, not KVM: " + kept.reason());
  }

  @Test
  void grubsBootingLineIsNotTheGuestsOwnButAKernelLineIs() {
    String grub = "\u001b[H\u001b[J\u001b[1;1H\u001b[?25l  Booting `echo'\r\n\r\n\u001b]0;title\u0007";
    assertThat(GuestOutput.hasOwnLine("")).isFalse();
    assertThat(GuestOutput.hasOwnLine(grub)).isFalse();
    assertThat(GuestOutput.hasOwnLine(grub + "echo-kernel: booting\r\n")).isTrue();
    assertThat(GuestOutput.hasOwnLine(grub + "HermitCore loader")).as("a line still being written counts").isTrue();
  }
}
