package dev.hermitcloud.spec;

import dev.hermitcloud.InvalidSpecException;
import java.util.List;
import org.immutables.value.Value;

/**
 * Ingress allowed to the deployment's instances: some ports, from some source networks. The SDK scopes
 * every rule to the deployment's own instances, never to the whole network.
 */
@Value.Immutable
public abstract class FirewallRule {
  /** The ports opened; at least one. */
  public abstract List<Port> ports();

  /** The networks allowed in; at least one. */
  public abstract List<Cidr> sources();

  /** Rule priority where the cloud has one (GCE: 0 is highest, 65535 lowest). */
  @Value.Default
  public int priority() {
    return 1000;
  }

  public static FirewallRule of(List<Port> ports, List<Cidr> sources) {
    return ImmutableFirewallRule.builder().ports(ports).sources(sources).build();
  }

  /**
   * Whether a client from {@code clients} may be let in by one of the sources: true for
   * {@code 127.0.0.0/8} when a source is {@code 0.0.0.0/0} or {@code 127.0.0.1/32}, false when the only
   * source is {@code 10.0.0.0/8}.
   */
  public boolean admitsAnyOf(Cidr clients) {
    return sources().stream().anyMatch(clients::overlaps);
  }

  /** The same rule with another priority. */
  public FirewallRule withPriority(int priority) {
    return ImmutableFirewallRule.builder().from(this).priority(priority).build();
  }

  @Value.Check
  protected void check() {
    if (ports().isEmpty()) {
      throw new InvalidSpecException("firewall.ports", "[]", "is empty: expose at least one port, e.g. Port.tcp(8000)");
    }
    if (sources().isEmpty()) {
      throw new InvalidSpecException("firewall.sources", "[]",
          "is empty: say who may connect with .from(\"203.0.113.0/24\") (or \"0.0.0.0/0\" for everyone)");
    }
    if (priority() < 0 || priority() > 65535) {
      throw new InvalidSpecException("firewall.priority", priority(), "must be between 0 and 65535");
    }
  }
}
