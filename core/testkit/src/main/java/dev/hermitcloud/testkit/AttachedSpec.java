package dev.hermitcloud.testkit;

import dev.hermitcloud.resource.Fingerprint;
import dev.hermitcloud.resource.InstanceSpec;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.List;

/**
 * A resource of a kind the engine has never heard of, one per instance and attached to it (as a floating
 * IP is to its server): what {@link InMemoryProvider#withAttachedKind} adds to every deployment.
 */
public record AttachedSpec(ResourceKind kind, String name, String deployment, ResourceRef instance) implements ResourceSpec {
  static AttachedSpec to(ResourceKind kind, InstanceSpec instance) {
    return new AttachedSpec(kind, instance.name(), instance.deployment(), new ResourceRef(ResourceKind.INSTANCE, instance.name()));
  }

  @Override
  public String fingerprint() {
    return Fingerprint.of(kind.label(), name, instance);
  }

  @Override
  public String replaceFingerprint() {
    return fingerprint();
  }

  @Override
  public List<ResourceRef> dependsOn() {
    return List.of(instance);
  }

  @Override
  public List<ResourceRef> attachedTo() {
    return List.of(instance);
  }
}
