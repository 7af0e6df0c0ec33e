package dev.hermitcloud.resource;

import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One virtual machine booting the deployment's image. Any change replaces it. */
@Value.Immutable
public abstract class InstanceSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return ResourceKind.INSTANCE;
  }

  /** The position of this instance among the deployment's {@code count}. */
  public abstract int index();

  /** The machine type as the user asked for it. */
  public abstract MachineType machineType();

  /** The cloud's type that satisfies {@link #machineType()}, resolved when planning. */
  @Value.Auxiliary
  public abstract ResolvedMachineType resolvedMachineType();

  /** The image the boot disk is made from. */
  public abstract String imageName();

  /** The boot disk size in whole GiB. */
  public abstract int diskGib();

  /** The network, if not the default. */
  public abstract Optional<String> network();

  /** Network tags (GCE) the firewall targets. */
  public abstract List<String> tags();

  /** The firewall (security group) to attach where the cloud attaches them to instances. */
  public abstract Optional<String> firewallName();

  /** The user's labels. */
  public abstract Map<String, String> labels();

  /** Instance metadata (GCE metadata items, OpenStack server metadata). */
  public abstract Map<String, String> metadata();

  /** Whether to ask for a spot (preemptible) machine. */
  @Value.Default
  public boolean spot() {
    return false;
  }

  /** A service account to run as (GCE); none unless asked. */
  public abstract Optional<String> serviceAccount();

  /** Ports to forward to the instance, on targets without a firewall of their own (local QEMU). */
  public abstract List<Port> forwardedPorts();

  /**
   * A resource of the provider's own kind that the cloud places the instance by (an OpenStack server
   * group); none unless the provider adds one. The instance is created after it, and another one
   * replaces the instance, since a cloud places a machine only when it boots.
   */
  public abstract Optional<ResourceRef> placement();

  /**
   * The second name the instance may be replaced under, created before this one goes (see
   * {@link ResourceSpec#otherSide()}); none where the cloud cannot run both at once. Not part of what the
   * instance is: a machine is the same under either of its names.
   */
  @Value.Auxiliary
  public abstract Optional<String> otherName();

  @Override
  public Optional<ResourceSpec> otherSide() {
    return otherName().map(other -> builder().from(this).name(other).otherName(name()).build());
  }

  @Override
  public List<ResourceRef> dependsOn() {
    List<ResourceRef> needs = new java.util.ArrayList<>();
    needs.add(new ResourceRef(ResourceKind.IMAGE, imageName()));
    firewallName().ifPresent(f -> needs.add(new ResourceRef(ResourceKind.FIREWALL, f)));
    placement().ifPresent(needs::add);
    return needs;
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    if (placement().isPresent()) {
      ResourceRef by = placement().get();
      return Fingerprint.of(name(), machineType(), imageName(), diskGib(), network(), tags(), firewallName(),
          labels(), metadata(), spot(), serviceAccount(), forwardedPorts(), by.kind().label() + "/" + by.name());
    }
    // the fingerprint of an instance without a placement is what it was before placements existed
    return Fingerprint.of(name(), machineType(), imageName(), diskGib(), network(), tags(), firewallName(),
        labels(), metadata(), spot(), serviceAccount(), forwardedPorts());
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  public static ImmutableInstanceSpec.Builder builder() {
    return ImmutableInstanceSpec.builder();
  }
}
