package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.echokernel.EchoKernel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Drives the {@code hermit} command line as a user types it, and checks what it writes and prints. */
class HermitCliTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();
  final ByteArrayOutputStream out = streams.out;
  final ByteArrayOutputStream err = streams.err;
  Path kernel;
  Path module;

  @BeforeEach
  void files() throws Exception {
    kernel = DemoKernel.writeTo(dir.resolve("ldhermit.elf"));
    module = DemoModule.writeTo(dir.resolve("server"), "payload".getBytes(StandardCharsets.US_ASCII));
  }

  int hermit(String... args) {
    return HermitCli.run(args);
  }

  String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void imageBuildWritesAGceArchiveThatTarListsAsOneSparseDiskRaw() throws Exception {
    Path archive = dir.resolve("disk.tar.gz");
    int code = hermit("image", "build", "--loader", kernel + ":-uart=io:0x3f8", "--module", module + ":a=1",
        "--format", "gce", "--disk-gib", "2", "--out", archive.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("wrote " + archive).contains("gce, 2 GiB disk");
    String listing = run("tar", "-tvzf", archive.toString());
    assertThat(listing.strip().lines()).singleElement().satisfies(line ->
        assertThat(line).contains(" 2147483648 ").endsWith("disk.raw"));
  }

  @Test
  void imageBuildWritesQcow2ThatQemuImgChecks() throws Exception {
    Path qcow2 = dir.resolve("disk.qcow2");
    assertThat(hermit("image", "build", "--loader", kernel.toString(), "--module", module.toString(),
        "--format", "qcow2", "--out", qcow2.toString())).as(err.toString()).isZero();
    assertThat(run("qemu-img", "check", qcow2.toString())).contains("No errors were found");
  }

  @Test
  void planOnLocalShowsWhatDeployWouldCreate() {
    int code = hermit("plan", "--target", "local", "--state-dir", dir.resolve("state").toString(), "--name", "echo",
        "--loader", kernel + ":-uart=io:0x3f8", "--module", module.toString(), "--expose", "tcp:8000", "--from", "127.0.0.1/32");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("+   image    echo-").contains("+   instance echo (not found)")
        .contains("2 to create, 0 to update, 0 to replace, 0 to delete, 0 unchanged");
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void badInputIsOneLineNamingTheFlagAndExitCode1() throws Exception {
    Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
    int code = hermit("plan", "--target", "local", "--name", "echo", "--loader", script.toString(), "--module", module.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: --loader: '" + script + "' is not an ELF executable");
  }

  @Test
  void unknownTargetIsAUsageError() {
    assertThat(hermit("plan", "--target", "azure", "--name", "echo", "--loader", kernel.toString(), "--module", module.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--target: 'azure' is not a target");
  }

  @Test
  void deployToTheInProcessFakeOpenStackWaitsForTheAppAndPrintsTheAddress() {
    int code = hermit("deploy", "--target", "openstack", "--fake", "--name", "echo", "--loader", kernel + ":-uart=io:0x3f8",
        "--module", module.toString(), "--machine-type", "1:512", "--expose", "tcp:8000", "--from", "0.0.0.0/0",
        "--health", "http:8000/");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("(?m)^echo 127\\.0\\.1\\.\\d+ tcp:8000$");
    assertThat(err.toString()).contains("health echo #").contains("apply of echo finished");
  }

  @Test
  void aServerGroupPolicyIsPlannedAsTheDeploymentsOwnGroupAndAnUnknownOneNamesTheFlag() {
    int code = hermit("plan", "--target", "openstack", "--fake", "--name", "grouped", "--loader", kernel.toString(),
        "--module", module.toString(), "--machine-type", "1:512", "--count", "2", "--server-group", "anti-affinity");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString() + err).contains("server-group hermit-grouped-anti-affinity");

    assertThat(hermit("plan", "--target", "openstack", "--fake", "--name", "grouped", "--loader", kernel.toString(),
        "--module", module.toString(), "--server-group", "soft-anti-affinity")).isEqualTo(2);
    assertThat(err.toString()).contains("--server-group: 'soft-anti-affinity' is not a policy: use affinity or anti-affinity");
  }

  @Test
  void demoGetsHelloFromTheEchoKernelPrintsItsCleanConsoleAndLeavesNothingBehind() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Demo demo = Demo.run(tmp, "--accel", "TCG");

    assertThat(demo.exit()).as(demo.output()).isZero();
    assertThat(demo.stdout()).as(demo.output())
        .containsPattern("--- GET http://127\\.77\\.\\d+\\.\\d+:8000/hello -> 200 ---\nGET /hello HTTP/1.1\n")
        .contains("Header[\"User-Agent\"] = [\"hermit-cloud-example\"]\n")
        .containsPattern("RemoteAddr = \"10\\.0\\.2\\.2:\\d+\"\n")
        .contains("\n" + EchoKernel.LISTENING + "\n")
        .containsPattern("\necho-kernel: GET /hello from 10\\.0\\.2\\.2:\\d+\n")
        .doesNotContain("\u001b").doesNotContain("\r")
        .containsPattern("the echo kernel answered \\d+\\.\\d s after the start; all destroyed after \\d+\\.\\d s");
    assertThat(demo.leftovers()).isEmpty();
  }

  @Test
  void aDemoThatFailsStillDestroysItsVmAndDeletesItsWorkDirectory() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    // one second is too short for any boot under TCG: the health check gives up
    Demo demo = Demo.run(tmp, "--accel", "TCG", "--timeout", "1");

    assertThat(demo.exit()).as(demo.output()).isEqualTo(1);
    assertThat(demo.stderr()).contains("destroy of " + DemoCommand.NAME + " finished")
        .contains("did not pass http :8000/ within 1 s; last try: GET http://").doesNotContain("serialLog()");
    assertThat(demo.leftovers()).isEmpty();
  }
}
