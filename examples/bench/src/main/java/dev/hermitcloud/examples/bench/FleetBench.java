package dev.hermitcloud.examples.bench;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.emulator.stats.RequestStats;
import dev.hermitcloud.examples.fake.SharedFakeOpenStack;
import dev.hermitcloud.gce.Gce;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 14's figures, fleets against one instance: deploys of 1, 20 and 50 instances, unchanged re-applies
 * of 1 and 50, replacements of 1 and 50 by a new image (each instance made beside its old self, which then
 * goes), destroys of 1 and 50, each with its wall time and its requests by kind, and the ratios
 * against the targets (50 instances within 1.3x of one; an unchanged re-apply of 50 within 1.2x of one).
 * The fake GCE adds 50 ms to every call and takes 1 s per operation; {@code --openstack} also runs the
 * fake OpenStack with the same call latency and 1 s to boot, save and delete.
 *
 * {@code --groups} also runs managed instance groups of 1, 20 and 50 machines on the fake GCE
 * ({@code Group.managed()}), and a regional group of 50 over three zones: deploys, unchanged re-applies, a rolling update of 50 to a new image (surge 10,
 * none unavailable) and destroys.
 *
 * <p>Run: {@code ./hermit --class dev.hermitcloud.examples.bench.FleetBench [--latency-ms 50] [--op-ms 1000]
 * [--module-kib 256] [--openstack] [--groups]}. Each deployment is a fresh name, so every deploy creates everything;
 * a first deploy and destroy, not printed, loads the client classes.
 */
public final class FleetBench {
  private static final int[] DEPLOYS = {1, 20, 50};

  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    long latencyMs = GceBench.intOption(args, "--latency-ms", 50);
    long operationMs = GceBench.intOption(args, "--op-ms", 1000);
    int moduleKib = GceBench.intOption(args, "--module-kib", 256);
    Path work = Files.createTempDirectory("fleet-bench");
    try {
      Unikernel app = GceBench.unikernel(work, "fleet", moduleKib * 1024);
      try (FakeGce fake = FakeGce.builder().project("bench-project").bucket("bench-bucket")
          .latency(Duration.ofMillis(latencyMs)).operationDuration(Duration.ofMillis(operationMs)).start()) {
        Gce target = Gce.project("bench-project").zone("us-central1-c").bucket("bench-bucket").endpoint(fake.endpoint());
        System.out.printf("== fake GCE: %d ms per call, %d ms per operation, %d KiB module ==%n", latencyMs, operationMs,
            moduleKib);
        // another module (one byte longer, in its own folder) is another image: the replacements' cause
        Unikernel changed = changed(work, moduleKib);
        run(app, changed, target, fake.stats());
        if (java.util.Arrays.asList(args).contains("--groups")) {
          System.out.printf("%n== managed instance groups on the same fake GCE ==%n");
          runGroups(app, changed, target, fake.stats());
        }
      }
      if (java.util.Arrays.asList(args).contains("--openstack")) {
        Duration op = Duration.ofMillis(operationMs);
        try (FakeOpenStack cloud = FakeOpenStack.builder().latency(Duration.ofMillis(latencyMs)).buildTime(op)
            .saveTime(op).deleteTime(op).start()) {
          System.out.printf("%n== fake OpenStack: %d ms per call, %d ms to boot, save and delete, floating IPs ==%n",
              latencyMs, operationMs);
          run(app, changed(work, moduleKib), SharedFakeOpenStack.target(cloud).floatingIpFrom("public"), cloud.stats());
        }
      }
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private static Unikernel changed(Path work, int moduleKib) throws java.io.IOException {
    return GceBench.unikernel(Files.createDirectories(work.resolve("v2")), "fleet", moduleKib * 1024 + 1);
  }

  private static void run(Unikernel app, Unikernel changed, Target target, RequestStats stats) {
    time("warm-up (not counted)", stats, () -> deploy(app, target, "warm", 1).apply().close());
    time("warm-up destroy", stats, () -> Hermit.destroy("warm").on(target));
    Map<String, Long> wall = new LinkedHashMap<>();
    for (int n : DEPLOYS) {
      wall.put("deploy " + n, time("deploy " + n, stats, () -> deploy(app, target, "fleet" + n, n).apply().close()));
    }
    for (int n : new int[] {1, 50}) {
      wall.put("re-apply " + n, time("unchanged re-apply " + n, stats,
          () -> deploy(app, target, "fleet" + n, n).apply().close()));
    }
    for (int n : new int[] {1, 50}) {
      wall.put("replace " + n, time("new image, each instance replaced beside itself, " + n, stats,
          () -> deploy(changed, target, "fleet" + n, n).apply().close()));
    }
    for (int n : DEPLOYS) {
      wall.put("destroy " + n, time("destroy " + n, stats, () -> Hermit.destroy("fleet" + n).on(target)));
    }
    System.out.printf("%nratios%n");
    ratio("deploy 50 / deploy 1", wall.get("deploy 50"), wall.get("deploy 1"), 1.3);
    ratio("deploy 20 / deploy 1", wall.get("deploy 20"), wall.get("deploy 1"), 1.3);
    ratio("re-apply 50 / re-apply 1", wall.get("re-apply 50"), wall.get("re-apply 1"), 1.2);
    ratio("replace 50 / replace 1", wall.get("replace 50"), wall.get("replace 1"), 0);
    ratio("destroy 50 / destroy 1", wall.get("destroy 50"), wall.get("destroy 1"), 0);
  }

  private static void runGroups(Unikernel app, Unikernel changed, Target target, RequestStats stats) {
    Map<String, Long> wall = new LinkedHashMap<>();
    for (int n : DEPLOYS) {
      wall.put("deploy " + n, time("group deploy " + n, stats, () -> group(app, target, "group" + n, n).apply().close()));
    }
    for (int n : new int[] {1, 50}) {
      wall.put("re-apply " + n, time("group unchanged re-apply " + n, stats,
          () -> group(app, target, "group" + n, n).apply().close()));
    }
    wall.put("roll 50", time("group rolling update 50", stats, () -> group(changed, target, "group50", 50).apply().close()));
    for (int n : DEPLOYS) {
      wall.put("destroy " + n, time("group destroy " + n, stats, () -> Hermit.destroy("group" + n).on(target)));
    }
    Group regional = Group.managed().size(50).rollout(10, 0).regional();
    wall.put("regional deploy 50", time("regional deploy 50", stats,
        () -> group(app, target, "regional50", regional).apply().close()));
    time("regional re-apply 50", stats, () -> group(app, target, "regional50", regional).apply().close());
    time("regional rolling update 50", stats, () -> group(changed, target, "regional50", regional).apply().close());
    time("regional destroy 50", stats, () -> Hermit.destroy("regional50").on(target));
    System.out.printf("%nratios%n");
    ratio("group deploy 50 / 1", wall.get("deploy 50"), wall.get("deploy 1"), 1.3);
    ratio("group re-apply 50 / 1", wall.get("re-apply 50"), wall.get("re-apply 1"), 1.2);
    ratio("group roll 50 / deploy 50", wall.get("roll 50"), wall.get("deploy 50"), 0);
    ratio("regional deploy 50 / zonal", wall.get("regional deploy 50"), wall.get("deploy 50"), 0);
  }

  private static DeploymentDefinition.WithCreate group(Unikernel app, Target target, String name, int size) {
    return group(app, target, name, Group.managed().size(size).rollout(10, 0));
  }

  private static DeploymentDefinition.WithCreate group(Unikernel app, Target target, String name, Group group) {
    return Hermit.deploy(app).to(target).name(name).machineType(MachineType.atLeast(1, 512))
        .group(group).expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  private static DeploymentDefinition.WithCreate deploy(Unikernel app, Target target, String name, int count) {
    return Hermit.deploy(app).to(target).name(name).machineType(MachineType.atLeast(1, 512)).count(count)
        .expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  /** Runs {@code work} once, prints its wall time and requests, returns the wall time in ms. */
  private static long time(String what, RequestStats stats, Runnable work) {
    stats.reset();
    long start = System.nanoTime();
    work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("%n%-26s %6d ms wall%n", what, millis);
    RequestKinds.print("  requests", stats.requestsByRoute(), stats.mutatingRequests());
    return millis;
  }

  private static void ratio(String what, long a, long b, double target) {
    double ratio = (double) a / b;
    String verdict = target == 0 ? "(no target)" : String.format("(target <= %.1fx: %s)", target, ratio <= target ? "met" : "MISSED");
    System.out.printf("  %-26s %5.2fx %s%n", what, ratio, verdict);
  }
}
