package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.Fix;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.spec.Autoscaling;
import dev.hermitcloud.spec.Group;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Option(names = "--group-size", paramLabel = "N", description = "Machines the cloud keeps running as a managed group"
      + " (GCE managed instance group, OpenStack server group) instead of --count.")
  Integer groupSize;

  @Option(names = "--autoscale", paramLabel = "MIN:MAX[@CPU]", description = "GCE: let an autoscaler size the group"
      + " between MIN and MAX machines for CPU use CPU (a fraction, default 0.6), e.g. 2:10@0.6.")
  String autoscale;

  @Option(names = "--rollout", paramLabel = "SURGE:UNAVAILABLE", description = "Replace the group's machines at most"
      + " SURGE above its size and UNAVAILABLE out of service at a time (default 1:0; 0:N replaces them in place).")
  String rollout;

  @Option(names = "--regional", description = "GCE: spread the group's machines over three zones of the zone's region"
      + " (a regional managed instance group), so one zone's outage leaves the others serving.")
  boolean regional;

  @Option(names = "--healing-delay", paramLabel = "DURATION", converter = DurationOption.class,
      description = "GCE: how long a new machine may take before autohealing judges it (default: 2m).")
  Duration healingDelay;

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

  private static final Pattern AUTOSCALE = Pattern.compile("(\\d{1,3}):(\\d{1,3})(?:@(\\d*\\.?\\d+))?");
  private static final Pattern ROLLOUT = Pattern.compile("(\\d{1,3}):(\\d{1,3})");
  private static final Pattern HEALTH = Pattern.compile("tcp:(\\d{1,5})|(?:http:)?(\\d{1,5})(/\\S*)?");

  DeploymentDefinition.WithCreate definition(Target target) {
    DeploymentDefinition.WithCreate d = Hermit.deploy(unikernel.unikernel(name)).to(target)
        .count(count).diskGib(diskGib).onProgress(noBar ? Progress.console(System.err, false) : Progress.console());
    if (machineType != null) {
      d.machineType(MachineTypeOption.parse(machineType));
    }
    group().ifPresent(d::group);
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

  /** The managed group the group flags describe, if any of them is given. */
  private Optional<Group> group() {
    if (groupSize == null && autoscale == null && rollout == null && healingDelay == null && !regional) {
      return Optional.empty();
    }
    Group group = Group.managed();
    if (groupSize != null) {
      group = group.size(groupSize);
    }
    if (autoscale != null) {
      Matcher m = AUTOSCALE.matcher(autoscale);
      if (!m.matches()) {
        throw new InvalidSpecException("group.autoscale", autoscale, "is not MIN:MAX[@CPU]: give the bounds and, if not 0.6,"
            + " the CPU use to size for, e.g. --autoscale 2:10@0.6");
      }
      Autoscaling bounds = Autoscaling.between(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      group = group.autoscale(m.group(3) == null ? bounds : bounds.cpuTarget(Double.parseDouble(m.group(3))));
    }
    if (rollout != null) {
      Matcher m = ROLLOUT.matcher(rollout);
      if (!m.matches()) {
        throw new InvalidSpecException("group.rollout", rollout, "is not SURGE:UNAVAILABLE: give how many machines may be"
            + " added and how many may be out of service while replacing, e.g. --rollout 1:0");
      }
      group = group.rollout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if (healingDelay != null) {
      group = group.healingDelay(healingDelay);
    }
    if (regional) {
      group = group.regional();
    }
    return Optional.of(group);
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
