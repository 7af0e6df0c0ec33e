package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hermit logs} when there is nothing to print: it says why instead of printing nothing with exit 0.
 * An OpenStack server whose unikernel powered off has no console left (Nova answers 404 "Guest does not
 * have a console available.", FINDINGS.md); a guest that printed nothing yet gets a note and exit 0.
 */
class LogsWithoutOutputTest {
  @TempDir
  Path dir;

  @RegisterExtension
  final CapturedStreams streams = new CapturedStreams();

  @Test
  void aServerWhoseGuestPoweredOffSaysItsConsoleIsGoneAndWhatToDo() throws Exception {
    try (FakeOpenStack cloud = FakeOpenStack.builder().buildTime(Duration.ofMillis(30)).deleteTime(Duration.ofMillis(20)).start()) {
      List<String> target = List.of("--target", "openstack", "--cloud", "fake", "--clouds-yaml", cloudsYaml(cloud).toString());
      assertThat(hermit(target, "deploy", "--machine-type", "1:512")).as(err()).isZero();
      assertThat(hermit(target, "logs", "echo")).isZero();
      assertThat(out()).contains("fake-openstack: powering on echo");
      String id = cloud.servers().get(0).id();

      cloud.powerOff(id);
      streams.out.reset();
      streams.err.reset();

      assertThat(hermit(target, "logs", "echo")).isEqualTo(1);
      assertThat(out()).isEmpty();
      assertThat(err()).startsWith("error: server echo (" + id + ") is SHUTOFF and Nova has no console for it"
          + " (\"Guest does not have a console available.\")")
          .contains("what it printed is gone", "the next apply replaces it", "hermit logs --follow");
    }
  }

  @Test
  void anEmptyConsoleIsSaidToBeEmpty() throws Exception {
    try (FakeGce fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").operationDuration(Duration.ofMillis(30)).start()) {
      fake.bootOutput(null);
      List<String> target = List.of("--target", "gce", "--project", "cli-project", "--bucket", "cli-bucket", "--endpoint", fake.endpoint());
      assertThat(hermit(target, "deploy", "--machine-type", "f1-micro")).as(err()).isZero();
      streams.out.reset();
      streams.err.reset();

      assertThat(hermit(target, "logs", "echo")).isZero();

      assertThat(out()).isEmpty();
      assertThat(err()).isEqualTo("hermit: the console of echo is empty: its guest has printed nothing yet (or is"
          + " still starting). 'hermit logs --follow echo' waits for output.\n");
    }
  }

  private int hermit(List<String> target, String command, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(command));
    if (command.equals("deploy")) {
      all.addAll(EchoFlags.in(dir));
    }
    all.addAll(List.of(args));
    all.addAll(target);
    return HermitCli.run(all.toArray(String[]::new));
  }

  private Path cloudsYaml(FakeOpenStack cloud) throws Exception {
    return Files.writeString(dir.resolve("clouds.yaml"), String.join("\n", "clouds:", "  fake:", "    auth:",
        "      auth_url: " + cloud.authUrl(), "      username: " + cloud.user(), "      password: " + cloud.password(),
        "      project_name: " + cloud.project(), "      user_domain_name: " + cloud.domain(),
        "      project_domain_name: " + cloud.domain(), "    region_name: RegionOne", ""));
  }

  private String out() {
    return streams.out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return streams.err.toString(StandardCharsets.UTF_8);
  }
}
