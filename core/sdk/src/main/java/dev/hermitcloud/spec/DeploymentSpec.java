package dev.hermitcloud.spec;

import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Everything a deployment should be: the unikernel, where it runs, how many machines of which size, what
 * is exposed to whom, and when it counts as up. Built by the fluent API; validated as a whole when built.
 */
@Value.Immutable
public abstract class DeploymentSpec {
  private static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
  private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final int MAX_METADATA_VALUE = 256 * 1024;

  /** The deployment's name; every resource is named after it. Defaults to the unikernel's name. */
  @Value.Default
  public String name() {
    return unikernel().name();
  }

  public abstract Unikernel unikernel();

  @Value.Auxiliary
  public abstract Target target();

  @Value.Default
  public MachineType machineType() {
    return MachineType.atLeast(1, 512);
  }

  @Value.Default
  public int count() {
    return 1;
  }

  /** Machines the cloud keeps running for the deployment, instead of {@link #count()} machines; none by default. */
  public abstract Optional<Group> group();

  /** How many machines run (or start, for an autoscaled group). */
  public int machines() {
    return group().map(Group::initialSize).orElse(count());
  }

  /** Boot disk and image size in whole GiB; 1 GiB is GCE's smallest. */
  @Value.Default
  public int diskGib() {
    return 1;
  }

  public abstract Optional<String> imageFamily();

  @Value.Default
  public String description() {
    return "hermit-cloud deployment " + name();
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> metadata();

  public abstract List<FirewallRule> firewall();

  public abstract Optional<Health> health();

  /** How long {@code apply()} waits for the health check after the machines run. */
  @Value.Default
  public Duration healthTimeout() {
    return Duration.ofMinutes(5);
  }

  /** The network, if not the cloud's default. */
  public abstract Optional<String> network();

  @Value.Default
  public boolean spot() {
    return false;
  }

  /** A service account for the instances (GCE); none unless asked. */
  public abstract Optional<String> serviceAccount();

  public static ImmutableDeploymentSpec.Builder builder() {
    return ImmutableDeploymentSpec.builder();
  }

  @Value.Check
  protected void check() {
    Check.nameWithRoom("deployment.name", name(), Names.LONGEST_SUFFIX);
    Check.within("deployment.count", count(), 1, 100);
    if (group().isPresent() && count() != 1) {
      throw new InvalidSpecException("deployment.count", count(), "is set beside a managed group: give the size to the group instead,",
          Fix.set("group.size", String.valueOf(count())).java("Group.managed().size(" + count() + ")"));
    }
    if (diskGib() < 1 || diskGib() > 2048) {
      throw new InvalidSpecException("deployment.diskGib", diskGib(), "must be a whole number of GiB from 1 to 2048");
    }
    imageFamily().ifPresent(f -> Check.name("deployment.imageFamily", f));
    Check.oneLine("deployment.description", description(), 2048);
    if (labels().size() > 60) {
      throw new InvalidSpecException("deployment.labels", labels().size() + " labels", "has more than 60 labels (clouds allow 64, the SDK uses 3)");
    }
    labels().forEach((key, value) -> {
      if (!LABEL_KEY.matcher(key).matches()) {
        throw new InvalidSpecException("deployment.labels", key,
            "is not a label key: use 1-63 characters of a-z, 0-9, '_' and '-', starting with a letter");
      }
      if (key.startsWith("hermit-")) {
        throw new InvalidSpecException("deployment.labels", key, "uses the reserved prefix 'hermit-': choose another key");
      }
      if (!LABEL_VALUE.matcher(value).matches()) {
        throw new InvalidSpecException("deployment.labels[" + key + "]", value,
            "is not a label value: use up to 63 characters of a-z, 0-9, '_' and '-'");
      }
    });
    metadata().forEach((key, value) -> {
      if (!METADATA_KEY.matcher(key).matches()) {
        throw new InvalidSpecException("deployment.metadata", key,
            "is not a metadata key: use 1-128 characters of letters, digits, '_' and '-'");
      }
      if (key.startsWith("hermit-")) {
        // the SDK keeps its marks (hermit-deployment, hermit-spec, ...) beside the user's; one of the user's
        // under that prefix could forge or hide ownership
        throw new InvalidSpecException("deployment.metadata", key, "uses the reserved prefix 'hermit-': choose another key");
      }
      if (value.length() > MAX_METADATA_VALUE) {
        throw new InvalidSpecException("deployment.metadata[" + key + "]", value.length() + " characters",
            "is larger than 256 KiB");
      }
    });
    if (healthTimeout().isNegative() || healthTimeout().isZero()) {
      throw new InvalidSpecException("deployment.healthTimeout", healthTimeout(), "must be positive");
    }
    network().ifPresent(n -> Check.oneLine("deployment.network", n, 255));
    serviceAccount().ifPresent(s -> {
      if (!s.contains("@")) {
        throw new InvalidSpecException("deployment.serviceAccount", s, "is not a service account e-mail such as sa@project.iam.gserviceaccount.com");
      }
    });
    health().ifPresent(h -> {
      boolean exposed = firewall().stream().flatMap(r -> r.ports().stream()).anyMatch(p -> p.covers(Protocol.TCP, h.port()));
      if (!exposed) {
        throw new InvalidSpecException("deployment.health.port", h.port(), "is not exposed, so the check could never reach it: add",
            exposing(h.port()).java(".expose(Port.tcp(" + h.port() + ")).from(...)"));
      }
    });
  }

  /** Opening {@code port}: the sources too when no rule exists yet, since a rule needs both. */
  private Fix exposing(int port) {
    Fix fix = Fix.set("firewall.ports", "tcp:" + port);
    return firewall().isEmpty() ? fix.and("firewall.sources", "203.0.113.0/24") : fix;
  }
}
