package dev.hermitcloud.openstack;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A floating IP for one server, from the target's external network, on the server's port in its tenant
 * network. Named after the server; it follows the server: a replaced server gets a new one.
 */
@Value.Immutable
abstract class FloatingIpSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return OpenStack.FLOATING_IP;
  }

  /** The server the address is for; also this resource's name. */
  abstract String instance();

  /** The server's other name, which its replacement is made under (see {@link ResourceSpec#otherSide()}). */
  @Value.Auxiliary
  abstract Optional<String> otherInstance();

  @Override
  public Optional<ResourceSpec> otherSide() {
    return otherInstance().map(other -> builder().from(this).instance(other).otherInstance(instance()).build());
  }

  /** The tenant network whose port the address attaches to, if not the target's default. */
  abstract Optional<String> network();

  @Override
  @Value.Derived
  public String name() {
    return instance();
  }

  @Override
  public List<ResourceRef> dependsOn() {
    return attachedTo();
  }

  @Override
  public List<ResourceRef> attachedTo() {
    return List.of(new ResourceRef(dev.hermitcloud.resource.ResourceKind.INSTANCE, instance()));
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return Fingerprint.of(instance(), network());
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  static ImmutableFloatingIpSpec.Builder builder() {
    return ImmutableFloatingIpSpec.builder();
  }
}
