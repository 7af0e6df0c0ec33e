package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.Health;
import org.immutables.value.Value;

/**
 * The health check a managed group's autohealing judges its machines by: the deployment's own
 * {@link Health}, as GCE probes it. Named after what it checks, so another check is another resource:
 * the group moves to it and the old one goes after, since GCE refuses to delete a check a group uses.
 */
@Value.Immutable
abstract class HealthCheckSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return Gce.HEALTH_CHECK;
  }

  abstract Health health();

  @Override
  @Value.Derived
  public String name() {
    return deployment() + "-h" + Fingerprint.of(health().toString()).substring(0, 10);
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return Fingerprint.of(name(), health().toString());
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  static ImmutableHealthCheckSpec.Builder builder() {
    return ImmutableHealthCheckSpec.builder();
  }
}
