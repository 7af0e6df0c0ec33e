package dev.hermitcloud.examples;

import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.Gce;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The 2017 "HermitCore on Google Compute Engine" tutorial as one program: the echo server on an f1-micro
 * in us-central1-c, tcp:8000 open to everyone, and the address to {@code curl} printed at the end.
 *
 * <pre>
 * EchoServerOnGce --fake                                   # a fake GCE in this process, no account needed
 * EchoServerOnGce --project my-project --bucket my-bucket \
 *     --loader /opt/hermit/bin/ldhermit.elf --module /opt/hermit/x86_64-hermit/extra/tests/server
 * </pre>
 *
 * Real GCE uses Application Default Credentials ({@code gcloud auth application-default login}). Without
 * {@code --loader}/{@code --module} it deploys the project's echo kernel, which answers HTTP on port 8000
 * like the tutorial's Go server. On the fake, whose machines boot nothing, the fake's app stand-in
 * answers instead, and the program prints its answer to {@code GET /hello}; on real GCE it prints the
 * {@code curl} command and leaves sending it to you. {@code --destroy} removes everything at the end (the
 * fake always does).
 */
public final class EchoServerOnGce {
  private EchoServerOnGce() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(System.out, args));
  }

  /** Runs the example, printing to {@code out}; returns the exit status. */
  public static int run(PrintStream out, String... args) throws Exception {
    Options options = Options.parse(args);
    if (options.fake) {
      try (FakeGce fake = FakeGce.builder().project("hermit-demo").bucket("hermit-demo").appStandIn(true)
          .operationDuration(Duration.ofMillis(500)).bootOutput("HermitCore echo server listening on 8000\n").start()) {
        Gce target = Gce.project("hermit-demo").zone(options.zone).bucket("hermit-demo").endpoint(fake.endpoint());
        return deploy(out, target, options, true);
      }
    }
    if (options.project == null || options.bucket == null) {
      out.println("usage: EchoServerOnGce --fake | --project P --bucket B [--zone Z] [--loader PATH --module PATH] [--destroy]");
      return 2;
    }
    return deploy(out, Gce.project(options.project).zone(options.zone).bucket(options.bucket), options, options.destroy);
  }

  private static int deploy(PrintStream out, Gce target, Options options, boolean destroy) throws Exception {
    Path work = Files.createTempDirectory("echo-server");
    try (Deployment d = Hermit.deploy(unikernel(options, work)).to(target)
        .machineType(MachineType.named("f1-micro"))
        .expose(Port.tcp(8000)).from("0.0.0.0/0")
        .waitUntil(Health.http(8000, "/"))
        .onProgress(Progress.console()).apply()) {
      out.println("echo server is up: curl " + d.endpoint(8000).resolve("/hello"));
      if (options.fake) {
        out.print("it says: " + Hello.get(d.endpoint(8000)).body());
      }
      out.println("--- serial console of " + d.instances().get(0).name() + " ---");
      d.serialLog().follow(out::print, text -> !text.isEmpty(), Duration.ofSeconds(60));
      if (destroy) {
        out.println("--- destroying ---");
        d.destroy();
      } else {
        out.println("remove it with: hermit destroy --target gce --project " + target.project() + " --zone "
            + target.zone() + " --bucket " + target.bucket() + " " + d.name());
      }
    } finally {
      HostFiles.deleteTree(work);
    }
    return 0;
  }

  private static Unikernel unikernel(Options options, Path work) throws java.io.IOException {
    if (options.loader != null && options.module != null) {
      return Unikernel.named("echo-server").loader(options.loader, "-uart=io:0x3f8").module(options.module).build();
    }
    return EchoUnikernel.write(work, "echo-server", 8000);
  }

  /** The command line. */
  private static final class Options {
    boolean fake;
    boolean destroy;
    String project;
    String zone = "us-central1-c";
    String bucket;
    Path loader;
    Path module;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--fake" -> o.fake = true;
          case "--destroy" -> o.destroy = true;
          case "--project" -> o.project = value(args, ++i);
          case "--zone" -> o.zone = value(args, ++i);
          case "--bucket" -> o.bucket = value(args, ++i);
          case "--loader" -> o.loader = Path.of(value(args, ++i));
          case "--module" -> o.module = Path.of(value(args, ++i));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return o;
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }
}
