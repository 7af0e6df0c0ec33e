package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Everything {@code plan} and {@code deploy} take. */
final class DeploymentOptions {
  @Option(names = "--name", required = true, description = "The deployment name (names every resource).")
  String name;

  @Mixin
  UnikernelOptions unikernel;

  @Option(names = "--machine-type", description = "A type by name (f1-micro, m1.small, small), or CPUS:MIB for the smallest that fits.")
  String machineType;

  @Option(names = "--count", defaultValue = "1", description = "Instances (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--disk-gib", defaultValue = "1", description = "Disk size in GiB (default: ${DEFAULT-VALUE}).")
  int diskGib;

  @Option(names = "--expose", paramLabel = "PROTO:PORT[-PORT]", description = "A port to open, e.g. tcp:8000; repeat for more.")
  List<String> expose = new ArrayList<>();

  @Option(names = "--from", paramLabel = "CIDR", description = "Who may connect to the exposed ports (repeatable; required with --expose).")
  List<String> from = new ArrayList<>();

  @Option(names = "--health", paramLabel = "http:PORT/PATH|tcp:PORT", description = "Wait until this answers on every instance.")
  String health;

  DeploymentDefinition.WithCreate definition(Target target) {
    DeploymentDefinition.WithCreate d = Hermit.deploy(unikernel.unikernel(name)).to(target)
        .count(count).diskGib(diskGib).onProgress(Progress.console());
    if (machineType != null) {
      d.machineType(MachineTypeOption.parse(machineType));
    }
    if (!expose.isEmpty()) {
      d.expose(expose.stream().map(Port::parse).toArray(Port[]::new)).from(from.toArray(String[]::new));
    }
    if (health != null) {
      d.waitUntil(parseHealth(health));
    }
    return d;
  }

  static Health parseHealth(String value) {
    if (value.startsWith("tcp:")) {
      return Health.tcp(Integer.parseInt(value.substring(4)));
    }
    String rest = value.startsWith("http:") ? value.substring(5) : value;
    int slash = rest.indexOf('/');
    return slash < 0 ? Health.http(Integer.parseInt(rest), "/")
        : Health.http(Integer.parseInt(rest.substring(0, slash)), rest.substring(slash));
  }
}
