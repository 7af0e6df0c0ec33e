package dev.hermitcloud.examples;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.examples.cli.BootFileSpec;
import dev.hermitcloud.examples.cli.MachineTypeOption;
import dev.hermitcloud.examples.cli.OpenStackTargetOptions;
import dev.hermitcloud.examples.fake.FakeEndpoint;
import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.unikernel.Unikernel;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The HermitCore tutorial's echo server, on OpenStack in one fluent call: build the disk image, upload it
 * to Glance, open port 8000 in a security group, boot a server with a floating IP, wait until the app
 * answers, print the endpoint.
 *
 * <pre>
 * EchoServerOnOpenStack --loader /opt/hermit/bin/ldhermit.elf:-uart=io:0x3f8 \
 *     --module /opt/hermit/x86_64-hermit/extra/tests/server --cloud mycloud --floating-ip-network public
 * EchoServerOnOpenStack --fake            # the echo kernel, against a fake OpenStack in this process
 * </pre>
 *
 * Without {@code --loader} and {@code --module} it deploys the project's echo kernel, which answers HTTP
 * on port 8000 like the tutorial's Go server. On the fake, whose servers boot nothing, the fake's app
 * stand-in answers instead and the program prints its answer to {@code GET /hello}; on a real cloud it
 * prints the endpoint and leaves the request to you.
 */
@Command(name = "EchoServerOnOpenStack", mixinStandardHelpOptions = true,
    description = "Deploy the tutorial's echo server (by default the project's echo kernel) to OpenStack and print its endpoint.")
public final class EchoServerOnOpenStack implements Callable<Integer> {
  @Option(names = "--loader", paramLabel = "PATH[:ARGS]", description = "The Multiboot loader, e.g. ldhermit.elf:-uart=io:0x3f8.")
  String loader;

  @Option(names = "--module", paramLabel = "PATH[:ARGS]", description = "The application, e.g. the tutorial's tests/server.")
  String module;

  @Spec
  CommandSpec spec;

  @Mixin
  OpenStackTargetOptions openstack;

  @Option(names = "--machine-type", defaultValue = "1:512", description = "A flavor name, or CPUS:MIB for the smallest fit (default: ${DEFAULT-VALUE}).")
  String machineType;

  @Option(names = "--fake", description = "Run against a fake OpenStack: 'hermit fake-openstack' on its default port if it runs, else one in this process.")
  boolean fake;

  @Option(names = "--destroy", description = "Destroy the deployment before exiting (always done with --fake).")
  boolean destroy;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EchoServerOnOpenStack()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("hermit-echo");
    try {
      return deploy(loader != null && module != null ? tutorial() : EchoUnikernel.write(work, "echo-server", 8000));
    } finally {
      HostFiles.deleteTree(work);
    }
  }

  private int deploy(Unikernel echo) throws Exception {
    try (Deployment d = Hermit.deploy(echo).to(openstack.build(spec, fake ? FakeEndpoint.AUTO : null))
        .machineType(MachineTypeOption.parse(machineType))
        .expose(Port.tcp(8000)).from("0.0.0.0/0")
        .waitUntil(Health.http(8000, "/"), Duration.ofMinutes(5))
        .onProgress(Progress.console()).apply()) {
      URI endpoint = d.endpoint(8000);
      System.out.println("endpoint: " + endpoint);
      if (fake) {
        HttpResponse<String> hello = Hello.get(endpoint);
        System.out.print("GET " + endpoint.resolve("/hello") + " -> " + hello.statusCode() + " " + hello.body());
      }
      System.out.println("--- serial console ---");
      System.out.print(d.serialLog().read());
      System.out.println("--- end ---");
      if (fake || destroy) {
        d.destroy();
      } else {
        System.out.println("destroy it with: hermit destroy " + d.name() + " --target openstack"
            + (openstack.cloud() == null ? "" : " --cloud " + openstack.cloud()));
      }
    }
    return 0;
  }

  private Unikernel tutorial() {
    BootFileSpec l = BootFileSpec.parse(loader);
    BootFileSpec m = BootFileSpec.parse(module);
    return Unikernel.named("echo-server").loader(l.path(), l.args()).module(m.path(), m.args()).build();
  }

}
