package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A managed instance group of the deployment, in the target's zone or over zones of its region, named after it, whose machines are named
 * {@code <deployment>-xxxx} by GCE. What it should be is what {@link GceInstanceGroups} can read back from
 * the group itself ({@link #fingerprintOf}), since a group has no labels and its description cannot be
 * patched: so an unchanged group reads as unchanged without a mark to keep up to date.
 */
@Value.Immutable
abstract class GroupSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return regional() ? Gce.REGIONAL_INSTANCE_GROUP : Gce.INSTANCE_GROUP;
  }

  @Override
  @Value.Derived
  public String name() {
    return deployment();
  }

  /** The zone of a zonal group, the region of a regional one. */
  abstract String location();

  /** Whether GCE spreads the machines over zones of the region {@link #location()}. */
  @Value.Default
  boolean regional() {
    return false;
  }

  abstract String templateName();

  /** The size the group is created with. */
  abstract int initialSize();

  /** Whether an autoscaler sizes the group, so its size is the autoscaler's to change, not the plan's. */
  abstract boolean autoscaled();

  /** The autohealing health check, if the deployment has a health check. */
  abstract Optional<String> healthCheckName();

  abstract int healingDelaySec();

  abstract int maxSurge();

  abstract int maxUnavailable();

  /** The firewall its machines sit behind, which must admit GCE's health probers before they are judged. */
  abstract Optional<String> firewallName();

  @Override
  public List<ResourceRef> dependsOn() {
    List<ResourceRef> needs = new ArrayList<>();
    needs.add(new ResourceRef(Gce.INSTANCE_TEMPLATE, templateName()));
    healthCheckName().ifPresent(h -> needs.add(new ResourceRef(Gce.HEALTH_CHECK, h)));
    firewallName().ifPresent(f -> needs.add(new ResourceRef(ResourceKind.FIREWALL, f)));
    return needs;
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return fingerprintOf(replaceFingerprint(), templateName(), autoscaled() ? Optional.empty() : Optional.of(initialSize()),
        healthCheckName(), healingDelaySec(), maxSurge(), maxUnavailable());
  }

  /** What a group with these settings is, from the spec or from the group as GCE reports it. */
  static String fingerprintOf(String replaceFingerprint, String templateName, Optional<Integer> fixedSize,
      Optional<String> healthCheck, int healingDelaySec, int maxSurge, int maxUnavailable) {
    return Fingerprint.of(replaceFingerprint, templateName, fixedSize.map(String::valueOf).orElse("autoscaled"),
        healthCheck.map(h -> h + "/" + healingDelaySec).orElse("no autohealing"), maxSurge, maxUnavailable);
  }

  /**
   * The name and zone (or region), since a group cannot move and its machines are named after it; and whether it
   * heals, since a patch can add an autohealing policy but not remove one: the client library cannot send
   * the empty list that would clear it (proto3 leaves empty lists out of the JSON merge patch).
   */
  @Override
  @Value.Lazy
  public String replaceFingerprint() {
    return Fingerprint.of(name(), location(), healthCheckName().isPresent() ? "heals" : "does not heal");
  }

  static ImmutableGroupSpec.Builder builder() {
    return ImmutableGroupSpec.builder();
  }
}
