package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Fix;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Option(names = "--health-timeout", paramLabel = "DURATION", converter = DurationOption.class,
      description = "How long --health may take on each instance, e.g. 90s or 10m (default: 5m).")
  Duration healthTimeout;

  @Option(names = "--no-bar", description = "No live upload bar: only the line each upload ends with"
      + " (the default when not on a terminal).")
  boolean noBar;

  private static final Pattern HEALTH = Pattern.compile("tcp:(\\d{1,5})|(?:http:)?(\\d{1,5})(/\\S*)?");

  DeploymentDefinition.WithCreate definition(Target target) {
    DeploymentDefinition.WithCreate d = Hermit.deploy(unikernel.unikernel(name)).to(target)
        .count(count).diskGib(diskGib).onProgress(noBar ? Progress.console(System.err, false) : Progress.console());
    if (machineType != null) {
      d.machineType(MachineTypeOption.parse(machineType));
    }
    if (expose.isEmpty() && !from.isEmpty()) {
      throw new InvalidSpecException("firewall.ports", "[]", "is empty, so --from " + String.join(" --from ", from)
          + " would open nothing: give the ports it opens, e.g. --expose tcp:8000", Fix.set("firewall.ports", "tcp:8000"));
    }
    if (!expose.isEmpty()) {
      d.expose(expose.stream().map(Port::parse).toArray(Port[]::new)).from(from.toArray(String[]::new));
    }
    if (health == null && healthTimeout != null) {
      throw new InvalidSpecException("deployment.health", null, "is required with --health-timeout: say what to wait for, e.g."
          + " --health http:8000/", Fix.set("deployment.health", "http:8000/"));
    }
    if (health != null) {
      d = healthTimeout == null ? d.waitUntil(parseHealth(health)) : d.waitUntil(parseHealth(health), healthTimeout);
    }
    return d;
  }

  /** {@code http:PORT/PATH}, {@code http:PORT} (path /), {@code PORT/PATH} or {@code tcp:PORT}. */
  static Health parseHealth(String value) {
    Matcher m = HEALTH.matcher(value);
    if (!m.matches()) {
      String port = value.replaceAll(".*?(\\d+)\\D*$", "$1");
      throw new InvalidSpecException("deployment.health", value, "is not a health check: write http:PORT/PATH (an HTTP GET),"
          + " http:PORT (path /) or tcp:PORT (a connection that must open)",
          Fix.set("deployment.health", port.matches("\\d+") ? "tcp:" + port : "http:8000/"));
    }
    return m.group(1) != null ? Health.tcp(Integer.parseInt(m.group(1)))
        : Health.http(Integer.parseInt(m.group(2)), m.group(3) == null ? "/" : m.group(3));
  }
}
