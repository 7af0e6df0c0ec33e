package dev.hermitcloud.examples.bench;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.examples.fake.SharedFakeOpenStack;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.openstack.ImageFormat;
import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeResource;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Figures for the OpenStack target, against the fake OpenStack in this process, through openstack4j:
 *
 * <ol>
 *   <li>bytes Glance receives for a 20 MB module on a 1 GiB disk, qcow2 and raw;
 *   <li>a fresh deploy (image, security group, server with a floating IP) with 50 ms added to every call,
 *       against its critical path: the calls that must follow one another, plus the image build and the
 *       fake's save and boot times;
 *   <li>the requests it made, by kind;
 *   <li>an unchanged re-apply: its time and its mutating requests (the target is none).
 * </ol>
 *
 * Run: {@code java -cp examples/target/classes:$(cat examples/target/classpath.txt) dev.hermitcloud.examples.bench.OpenStackBench}
 */
public final class OpenStackBench {
  private static final Duration LATENCY = Duration.ofMillis(50);
  private static final Duration SAVE = Duration.ofMillis(200);
  private static final Duration BUILD = Duration.ofMillis(500);
  /**
   * The calls of a fresh single-server deploy that wait on one another, as the provider makes them:
   * plan (token, flavors, one round of parallel reads) 3; image (create, read, upload, read) 4, beside the
   * shorter security group chain (create, read, list rules, add rule, mark) 5; server (find image, network
   * and group, boot, read, find the external network, ports, floating IPs, create one) 9; final read
   * (server, ports, floating IPs) 3.
   */
  private static final int CRITICAL_CALLS = 3 + 4 + 9 + 3;

  private OpenStackBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("hermit-bench");
    Path loader = DemoKernel.writeTo(work.resolve("ldhermit.elf"));
    uploads(Unikernel.named("bench").loader(loader, "-uart=io:0x3f8")
        .module(DemoModule.writeTo(work.resolve("server-20mb"), SyntheticBinary.generate(20_000_000, 7)), "").build());
    deploys(Unikernel.named("echo").loader(loader, "-uart=io:0x3f8")
        .module(DemoModule.writeTo(work.resolve("server-64k"), SyntheticBinary.generate(64 * 1024, 3)), "").build());
  }

  private static void uploads(Unikernel app) throws Exception {
    DiskImage disk = DiskImage.of(app, 1);
    System.out.printf("1. Upload of a 20 MB module on a 1 GiB disk (files on the disk: %,d bytes)%n", disk.allocatedBytes());
    try (FakeOpenStack cloud = FakeOpenStack.builder().buildTime(Duration.ofMillis(50)).saveTime(Duration.ofMillis(50))
        .deleteTime(Duration.ofMillis(50)).start()) {
      for (ImageFormat format : ImageFormat.values()) {
        OpenStack target = SharedFakeOpenStack.target(cloud).imageFormat(format);
        String name = "bench-" + format.name().toLowerCase();
        long start = System.nanoTime();
        try (Deployment d = Hermit.deploy(app).to(target).name(name).machineType(MachineType.atLeast(1, 512)).apply()) {
          long millis = (System.nanoTime() - start) / 1_000_000;
          FakeResource image = cloud.images().stream().filter(i -> i.name().startsWith(name)).findFirst().orElseThrow();
          System.out.printf("   %-5s %,15d bytes received by Glance, deploy %,6d ms%n", format.name().toLowerCase(),
              image.fields().path("size").asLong(), millis);
          d.destroy();
        }
      }
    }
  }

  private static void deploys(Unikernel app) throws Exception {
    long buildStart = System.nanoTime();
    DiskImage.of(app, 1).writeQcow2(OutputStream.nullOutputStream());
    long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
    try (FakeOpenStack cloud = FakeOpenStack.builder().saveTime(SAVE).buildTime(BUILD).deleteTime(Duration.ofMillis(200)).start()) {
      cloud.faults().add(FaultRule.any().always().inject(Fault.latency(LATENCY)));
      OpenStack target = SharedFakeOpenStack.target(cloud).floatingIpFrom("public");
      DeploymentDefinition.WithCreate echo = Hermit.deploy(app).to(target).machineType(MachineType.atLeast(1, 512))
          .expose(Port.tcp(8000)).from("0.0.0.0/0");

      cloud.resetCounters();
      long start = System.nanoTime();
      echo.apply().close();
      long fresh = (System.nanoTime() - start) / 1_000_000;
      Map<String, Integer> freshRequests = cloud.requestCounts();
      long critical = CRITICAL_CALLS * LATENCY.toMillis() + SAVE.toMillis() + BUILD.toMillis() + buildMillis;
      System.out.printf("%n2. Fresh deploy with %d ms per call (image save %d ms, server boot %d ms)%n", LATENCY.toMillis(),
          SAVE.toMillis(), BUILD.toMillis());
      System.out.printf("   wall time      %,6d ms%n", fresh);
      System.out.printf("   critical path  %,6d ms  (%d dependent calls x %d ms + save + boot + %d ms image build)%n",
          critical, CRITICAL_CALLS, LATENCY.toMillis(), buildMillis);
      System.out.printf("   %d requests, %d of them mutating%n", total(freshRequests), cloud.mutatingRequestCount());

      System.out.printf("%n3. Requests of the fresh deploy, by kind%n");
      freshRequests.forEach((kind, n) -> System.out.printf("   %4d  %s%n", n, kind));

      cloud.resetCounters();
      start = System.nanoTime();
      echo.apply().close();
      long again = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("%n4. Unchanged re-apply: %,d ms, %d requests, %d mutating (target 0)%n", again,
          total(cloud.requestCounts()), cloud.mutatingRequestCount());

      Hermit.destroy("echo").on(target);
    }
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
