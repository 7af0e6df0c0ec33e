package dev.hermitcloud.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.internal.host.HostTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTO uses KVM only after a guest ran under it: a QEMU that hangs makes it TCG, once per host and QEMU version. */
class KvmSelfTestTest {
  @TempDir
  Path dir;

  /** A stand-in for qemu-system-x86_64 that answers --version, counts its boots and then runs {@code boot}. */
  private Path fakeQemu(String version, String boot) throws Exception {
    Path script = dir.resolve("qemu-" + version.replace(' ', '-'));
    Files.writeString(script, "#!/bin/sh\n"
        + "if [ \"$1\" = --version ]; then echo 'QEMU emulator version " + version + "'; exit 0; fi\n"
        + "echo boot >> " + dir.resolve("boots") + "\n"
        + "for a in \"$@\"; do case \"$a\" in file:*) serial=\"${a#file:}\";; esac; done\n"
        + boot + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private Path kvmDevice() throws Exception {
    return Files.createFile(dir.resolve("kvm"));
  }

  private long boots() throws Exception {
    Path boots = dir.resolve("boots");
    return Files.exists(boots) ? Files.readAllLines(boots).size() : 0;
  }

  @Test
  void aQemuWhoseGuestNeverPrintsMeansTcgAndTheVerdictIsCached() throws Exception {
    Path qemu = fakeQemu("9.9.9 (hangs)", "exec sleep 600");
    KvmSelfTest test = new KvmSelfTest(qemu, dir.resolve("cache"), kvmDevice(), Duration.ofMillis(800));

    KvmSelfTest.Verdict verdict = test.verdict();

    assertThat(verdict.usable()).isFalse();
    assertThat(verdict.reason()).contains("printed nothing within");
    KvmSelfTest again = new KvmSelfTest(qemu, dir.resolve("cache"), dir.resolve("kvm"), Duration.ofMillis(800));
    assertThat(again.verdict()).isEqualTo(verdict);
    assertThat(boots()).as("the second verdict comes from the cache").isEqualTo(1);
  }

  @Test
  void aGuestThatPrintsAndExitsMeansKvmAndANewQemuVersionTestsAgain() throws Exception {
    String printsAndExits = "echo '" + ProbeKernel.GREETING + "' > \"$serial\"; exit " + ProbeKernel.EXIT_STATUS;
    KvmSelfTest test = new KvmSelfTest(fakeQemu("9.9.9", printsAndExits), dir.resolve("cache"), kvmDevice(), Duration.ofSeconds(5));
    assertThat(test.verdict().usable()).isTrue();

    KvmSelfTest upgraded = new KvmSelfTest(fakeQemu("10.0.0 (hangs)", "exec sleep 600"), dir.resolve("cache"),
        dir.resolve("kvm"), Duration.ofMillis(800));
    assertThat(upgraded.verdict().usable()).isFalse();
    assertThat(boots()).isEqualTo(2);
  }

  @Test
  void noKvmDeviceMeansTcgWithoutBooting() throws Exception {
    KvmSelfTest test = new KvmSelfTest(fakeQemu("9.9.9", "exit 1"), dir.resolve("cache"), dir.resolve("no-such-kvm"),
        Duration.ofSeconds(5));
    KvmSelfTest.Verdict verdict = test.verdict();
    assertThat(verdict.usable()).isFalse();
    assertThat(verdict.reason()).contains("cannot be opened");
    assertThat(boots()).isZero();
  }

  @Test
  void theProbeKernelPrintsAndPowersOffUnderTcg() throws Exception {
    Path qemu = HostTools.require(Qemu.BINARY, Qemu.PACKAGE);
    KvmSelfTest.Verdict verdict = new KvmSelfTest(qemu, dir.resolve("cache"), kvmDevice(), Duration.ofSeconds(60)).boot("tcg");
    assertThat(verdict.usable()).as(verdict.reason()).isTrue();
  }
}
