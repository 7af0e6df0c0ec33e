package dev.hermitcloud.examples;

import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.Gce;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code --loader}/{@code --module} it deploys the SDK's demo kernel, which prints to the serial console
 * but serves nothing, so then it waits for the console instead of port 8000. {@code --destroy} removes
 * everything at the end (the fake always does).
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
    boolean serves = options.fake || options.module != null;
    DeploymentDefinition.WithCreate echo = Hermit.deploy(unikernel(options, work)).to(target)
        .machineType(MachineType.named("f1-micro"))
        .expose(Port.tcp(8000)).from("0.0.0.0/0")
        .onProgress(Progress.console());
    if (serves) {
      echo.waitUntil(Health.http(8000, "/"));
    }
    try (Deployment d = echo.apply()) {
      out.println("echo server is up: curl " + d.endpoint(8000) + "/");
      if (serves) {
        out.print("it says: " + get(d.endpoint(8000)));
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
    return DemoUnikernel.write(work, "echo-server", "-uart=io:0x3f8", "echo server stand-in\n", "");
  }

  private static String get(URI endpoint) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body();
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
