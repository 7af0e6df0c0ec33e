package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;
import org.immutables.value.Value;

/**
 * An instance template: the machine every member of a managed group is made from, as {@link #machine()}
 * describes one. Templates cannot change, so the name carries the machine's fingerprint: a new image or
 * machine type is a new template, which the group rolls over to.
 */
@Value.Immutable
abstract class TemplateSpec implements ResourceSpec {
  @Override
  public ResourceKind kind() {
    return Gce.INSTANCE_TEMPLATE;
  }

  /** One machine of the group, as the portable resources describe it (its name is not used). */
  abstract InstanceSpec machine();

  @Override
  @Value.Derived
  public String name() {
    return deployment() + "-t" + machine().fingerprint().substring(0, 12);
  }

  @Override
  public List<ResourceRef> dependsOn() {
    return machine().dependsOn();
  }

  @Override
  @Value.Lazy
  public String fingerprint() {
    return Fingerprint.of(name(), machine().fingerprint());
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  static ImmutableTemplateSpec.Builder builder() {
    return ImmutableTemplateSpec.builder();
  }
}
