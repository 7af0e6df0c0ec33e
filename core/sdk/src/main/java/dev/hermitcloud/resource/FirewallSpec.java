package dev.hermitcloud.resource;

import dev.hermitcloud.spec.FirewallRule;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Ingress rules that apply only to the deployment's instances: on GCE through the network tag
 * {@link #targetTag()}, on OpenStack as a security group attached to the instances.
 */
@Value.Immutable
public abstract class FirewallSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return ResourceKind.FIREWALL;
  }

  /** The rules; each opens some ports to some sources. */
  public abstract List<FirewallRule> rules();

  /** The network tag the rules target; instances carry it. */
  public abstract String targetTag();

  /** The network, if not the default. */
  public abstract Optional<String> network();

  @Override
  @Value.Lazy
  public String fingerprint() {
    return Fingerprint.of(replaceFingerprint(), rules());
  }

  @Override
  @Value.Lazy
  public String replaceFingerprint() {
    return Fingerprint.of(name(), targetTag(), network());
  }

  public static ImmutableFirewallSpec.Builder builder() {
    return ImmutableFirewallSpec.builder();
  }
}
