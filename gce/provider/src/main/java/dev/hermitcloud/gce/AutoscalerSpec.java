package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.spec.Autoscaling;
import java.util.List;
import org.immutables.value.Value;

/**
 * The autoscaler of the deployment's managed group. Like the group, it is read back by its settings
 * ({@link #fingerprintOf}), which a patch changes in place.
 */
@Value.Immutable
abstract class AutoscalerSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return regional() ? Gce.REGIONAL_AUTOSCALER : Gce.AUTOSCALER;
  }

  /** Whether it sizes a regional group, beside which it lives. */
  @Value.Default
  boolean regional() {
    return false;
  }

  @Override
  @Value.Derived
  public String name() {
    return deployment();
  }

  abstract String groupName();

  abstract Autoscaling bounds();

  @Override
  public List<ResourceRef> dependsOn() {
    return List.of(new ResourceRef(regional() ? Gce.REGIONAL_INSTANCE_GROUP : Gce.INSTANCE_GROUP, groupName()));
  }

  @Override
  public List<ResourceRef> attachedTo() {
    return dependsOn();
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return fingerprintOf(replaceFingerprint(), bounds().min(), bounds().max(), bounds().cpuTarget());
  }

  static String fingerprintOf(String replaceFingerprint, int min, int max, double cpuTarget) {
    return Fingerprint.of(replaceFingerprint, min, max, Math.round(cpuTarget * 1000));
  }

  @Override
  @Value.Lazy
  public String replaceFingerprint() {
    return Fingerprint.of(name(), groupName());
  }

  static ImmutableAutoscalerSpec.Builder builder() {
    return ImmutableAutoscalerSpec.builder();
  }
}
