package dev.hermitcloud.examples.bench;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.openstack.ImageFormat;
import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.openstack.proxy.RecordingProxy;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures for the OpenStack target against a real cloud, by default the one that {@code
 * openstack/local-cloud/up} brings up on this machine, through a {@link RecordingProxy} on 127.0.0.1 that
 * counts what the SDK sends (the cloud counts nothing):
 *
 * <ol>
 *   <li>bytes sent to Glance for a 20 MB module on a 1 GiB disk, qcow2 and raw, and each deploy's time;
 *   <li>a fresh deploy of one server with a floating IP: wall time and requests by kind;
 *   <li>an unchanged re-deploy: wall time, requests by kind, and its writes (the lock's only);
 *   <li>the destroy: wall time and requests by kind.
 * </ol>
 *
 * Every deploy waits for ACTIVE; none waits for the guest to boot. Run, with the cloud up:
 * {@code java -cp examples/bench/target/classes:$(cat examples/bench/target/classpath.txt)
 * dev.hermitcloud.examples.bench.RealOpenStackBench [openrc]} (default {@code /var/lib/hermit-openstack/openrc}).
 */
public final class RealOpenStackBench {
  private RealOpenStackBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> openrc = openrc(Path.of(args.length > 0 ? args[0] : "/var/lib/hermit-openstack/openrc"));
    Path work = Files.createTempDirectory("hermit-bench");
    Path loader = DemoKernel.writeTo(work.resolve("ldhermit.elf"));
    try (RecordingProxy proxy = RecordingProxy.inFrontOf(openrc.get("OS_AUTH_URL"))) {
      Map<String, String> vars = new LinkedHashMap<>(openrc);
      vars.put("OS_AUTH_URL", proxy.authUrl());
      OpenStack target = OpenStack.fromEnvironment(vars).network("private").floatingIpFrom("public");
      uploads(proxy, target, Unikernel.named("bench-upload").loader(loader, "-uart=io:0x3f8")
          .module(DemoModule.writeTo(work.resolve("server-20mb"), SyntheticBinary.generate(20_000_000, 7)), "").build());
      lifecycle(proxy, target, Unikernel.named("bench-echo").loader(loader, "-uart=io:0x3f8")
          .module(DemoModule.writeTo(work.resolve("server-64k"), SyntheticBinary.generate(64 * 1024, 3)), "").build());
    }
  }

  private static void uploads(RecordingProxy proxy, OpenStack target, Unikernel app) {
    System.out.println("1. Upload of a 20 MB module on a 1 GiB disk");
    for (ImageFormat format : ImageFormat.values()) {
      String name = "bench-" + format.name().toLowerCase();
      OpenStack to = target.imageFormat(format);
      proxy.resetCounters();
      long start = System.nanoTime();
      try (Deployment d = Hermit.deploy(app).to(to).name(name).machineType(MachineType.atLeast(1, 512)).apply()) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        long sent = proxy.bytesSent().getOrDefault("image PUT /v2/images/{id}/file", 0L);
        System.out.printf("   %-5s %,15d bytes sent to Glance, deploy %,6d ms%n", format.name().toLowerCase(), sent, millis);
      }
      Hermit.destroy(name).on(to);
    }
  }

  private static void lifecycle(RecordingProxy proxy, OpenStack target, Unikernel app) {
    DeploymentDefinition.WithCreate echo = Hermit.deploy(app).to(target).machineType(MachineType.atLeast(1, 512))
        .expose(Port.tcp(8000)).from("203.0.113.0/24");
    Hermit.destroy("bench-echo").on(target);
    timed(proxy, "2. Fresh deploy (image, security group, server, floating IP)", () -> echo.apply().close());
    timed(proxy, "3. Unchanged re-deploy", () -> echo.apply().close());
    timed(proxy, "4. Destroy", () -> Hermit.destroy("bench-echo").on(target));
  }

  private static void timed(RecordingProxy proxy, String title, Runnable step) {
    proxy.resetCounters();
    long start = System.nanoTime();
    step.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, Long> kinds = proxy.requests();
    long total = kinds.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("%n%s: %,d ms, %d requests, %d of them writes%n", title, millis, total, proxy.mutatingRequests());
    kinds.forEach((kind, n) -> System.out.printf("   %4d  %s%s%n", n, kind, proxy.mutatingKinds().containsKey(kind) ? "  (write)" : ""));
  }

  /** The {@code export OS_X=value} lines of an openrc file. */
  private static Map<String, String> openrc(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(file + " is not readable: start the local cloud with"
          + " 'sudo openstack/local-cloud/up', or give the path of your cloud's openrc");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.startsWith("export OS_") && l.contains("=")) {
        String assignment = l.substring("export ".length());
        int eq = assignment.indexOf('=');
        vars.put(assignment.substring(0, eq), unquote(assignment.substring(eq + 1)));
      }
    }
    return vars;
  }

  private static String unquote(String value) {
    boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
