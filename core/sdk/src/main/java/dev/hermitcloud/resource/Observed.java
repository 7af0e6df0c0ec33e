package dev.hermitcloud.resource;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A resource as the cloud reports it right now. */
@Value.Immutable
public abstract class Observed {
  /** Well-known attribute: the address clients reach the instance at. */
  public static final String ADDRESS = "address";
  /** Well-known attribute: the instance's address inside its network. */
  public static final String PRIVATE_ADDRESS = "privateAddress";
  /** Well-known attribute: the cloud's id for the resource, where it is not the name. */
  public static final String ID = "id";
  /** Well-known attribute: the machine type an instance runs on. */
  public static final String MACHINE_TYPE = "machineType";
  /** Well-known attribute: the cloud's own word for an instance's state (GCE TERMINATED, Nova SHUTOFF). */
  public static final String STATUS = "status";

  public abstract ResourceKind kind();

  public abstract String name();

  /** The ownership marks, if the resource carries them. */
  public abstract Optional<Ownership> owner();

  @Value.Default
  public ResourceState state() {
    return ResourceState.READY;
  }

  /** Why the resource is in its state, such as a failure message. */
  public abstract Optional<String> stateMessage();

  /** Provider-specific facts, keyed by the constants above or the provider's own names. */
  public abstract Map<String, String> attributes();

  /** An attribute, if the provider reported it. */
  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes().get(key));
  }

  /** Whether {@code deployment} owns this resource. */
  public boolean ownedBy(String deployment) {
    return owner().map(o -> o.ownedBy(deployment)).orElse(false);
  }

  public static ImmutableObserved.Builder builder() {
    return ImmutableObserved.builder();
  }
}
