package dev.hermitcloud.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hermit deploy|plan|logs|destroy --target gce} against a fake GCE. */
class GceCliTest {
  @TempDir
  Path dir;

  private FakeGce fake;
  private List<String> target;
  private List<String> unikernel;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project("cli-project").bucket("cli-bucket").operationDuration(Duration.ofMillis(30))
        .appStandIn(true).bootOutput("hello from the console\n").start();
    target = List.of("--target", "gce", "--project", "cli-project", "--zone", "us-central1-c", "--bucket", "cli-bucket",
        "--endpoint", fake.endpoint());
    Path kernel = DemoKernel.writeTo(dir.resolve("kernel.elf"));
    Path module = DemoModule.writeTo(dir.resolve("app"), "hi\n".getBytes(StandardCharsets.US_ASCII));
    unikernel = List.of("--name", "echo", "--loader", kernel + ":-uart=io:0x3f8", "--module", module.toString(),
        "--machine-type", "f1-micro", "--expose", "tcp:8000", "--from", "0.0.0.0/0");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void deployPlanLogsAndDestroy() {
    assertThat(run(command("deploy", target, unikernel, List.of("--health", "http:8000/")))).contains("echo 127.0.0.");
    assertThat(fake.instance("cli-project", "us-central1-c", "echo").orElseThrow().status()).isEqualTo("RUNNING");

    assertThat(run(command("plan", target, unikernel))).contains("0 to create, 0 to update, 0 to replace, 0 to delete");
    assertThat(run(command("logs", target, List.of("echo")))).isEqualTo("hello from the console\n");
    run(command("destroy", target, List.of("echo")));

    assertThat(fake.instances("cli-project")).isEmpty();
    assertThat(fake.images("cli-project")).isEmpty();
    assertThat(fake.firewalls("cli-project")).isEmpty();
    assertThat(fake.objects("cli-bucket")).isEmpty();
  }

  @Test
  void aManagedGroupWithAnAutoscalerIsDeployedPlannedAndDestroyedFromFlags() {
    List<String> group = List.of("--health", "http:8000/", "--autoscale", "2:4@0.5", "--rollout", "2:0",
        "--healing-delay", "30s");

    String deployed = run(command("deploy", target, unikernel, group));

    assertThat(deployed.lines().filter(line -> line.matches("echo-[a-z0-9]{4} 127\\.0\\.0\\.\\d+.*"))).hasSize(2);
    assertThat(fake.instanceGroupManager("cli-project", "us-central1-c", "echo").orElseThrow().field("/updatePolicy/maxSurge/fixed"))
        .isEqualTo("2");
    assertThat(fake.autoscalers("cli-project")).singleElement()
        .satisfies(a -> assertThat(a.field("/autoscalingPolicy/maxNumReplicas")).isEqualTo("4"));
    assertThat(run(command("plan", target, unikernel, group))).contains("0 to create, 0 to update, 0 to replace, 0 to delete");

    run(command("destroy", target, List.of("echo")));
    assertThat(fake.instanceGroupManagers("cli-project")).isEmpty();
    assertThat(fake.instances("cli-project")).isEmpty();
    assertThat(fake.instanceTemplates("cli-project")).isEmpty();
  }

  @Test
  void aRegionalGroupSpreadsOverThreeZonesAndLogsFindsAMachineInAnyOfThem() {
    List<String> group = List.of("--health", "http:8000/", "--group-size", "3", "--regional");

    String deployed = run(command("deploy", target, unikernel, group));

    assertThat(deployed.lines().filter(line -> line.matches("echo-[a-z0-9]{4} 127\\.0\\.0\\.\\d+.*"))).hasSize(3);
    assertThat(fake.regionInstanceGroupManagers("cli-project")).singleElement()
        .satisfies(g -> assertThat(g.field("/updatePolicy/maxSurge/fixed")).isEqualTo("3"));
    assertThat(fake.instances("cli-project")).extracting(FakeResource::zone)
        .containsExactlyInAnyOrder("us-central1-a", "us-central1-b", "us-central1-c");
    String elsewhere = fake.instances("cli-project").stream().filter(vm -> !vm.zone().equals("us-central1-c"))
        .findFirst().orElseThrow().name();
    assertThat(run(command("logs", target, List.of(elsewhere)))).isEqualTo("hello from the console\n");
    assertThat(run(command("plan", target, unikernel, group))).contains("0 to create, 0 to update, 0 to replace, 0 to delete");

    run(command("destroy", target, List.of("echo")));
    assertThat(fake.regionInstanceGroupManagers("cli-project")).isEmpty();
    assertThat(fake.instances("cli-project")).isEmpty();
  }

  @Test
  void gceWithoutProjectOrBucketIsAUsageError() {
    assertThat(HermitCli.run("plan", "--target", "gce", "--name", "echo", "--loader", "x", "--module", "y")).isEqualTo(2);
  }

  @SafeVarargs
  private static String[] command(String name, List<String>... parts) {
    List<String> args = new ArrayList<>(List.of(name));
    for (List<String> part : parts) {
      args.addAll(part);
    }
    return args.toArray(String[]::new);
  }

  /** Runs the CLI, expecting success, and returns what it printed on standard output. */
  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = HermitCli.run(args);
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    return printed;
  }
}
