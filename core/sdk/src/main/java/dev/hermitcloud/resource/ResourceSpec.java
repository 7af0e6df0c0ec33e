package dev.hermitcloud.resource;

import java.util.List;
import java.util.Optional;

/**
 * The desired state of one resource. The engine compares the fingerprints with the ones stored on the
 * resource: equal {@link #fingerprint()} means nothing to do; equal {@link #replaceFingerprint()} means
 * the differences can be updated in place where the cloud allows it; otherwise the resource is replaced.
 */
public interface ResourceSpec {
  ResourceKind kind();

  /** The resource's name in the cloud; deterministic, derived from the deployment. */
  String name();

  /** The deployment that owns the resource. */
  String deployment();

  /** Hash of every part of the spec. */
  String fingerprint();

  /** Hash of the parts that cannot change without recreating the resource. */
  String replaceFingerprint();

  /**
   * The resources that must be ready before this one is created or changed: an instance needs its image
   * and firewall, an image on GCE its blob. The engine orders work by these (and runs everything else in
   * parallel); a resource whose dependency failed is not touched.
   */
  default List<ResourceRef> dependsOn() {
    return List.of();
  }

  /**
   * The dependencies this resource is attached to, so that it cannot outlive them: when one is replaced,
   * this one is replaced with it (a floating IP follows its server). A subset of {@link #dependsOn()}.
   */
  default List<ResourceRef> attachedTo() {
    return List.of();
  }

  /**
   * This resource under its second name, if its replacement may be made beside it before it goes
   * (create-before-delete): an instance whose cloud refuses a name twice gets two, and the engine
   * alternates between them, the new machine answering before the old one is deleted. The other side's
   * {@code otherSide()} is this one again. What is {@linkplain #attachedTo() attached} to such an instance
   * has an other side too, attached to the instance's other side, so that it moves with the instance.
   *
   * <pre>{@code
   * web.otherSide()                  // web-b, whose other side is web
   * floatingIpOfWeb.otherSide()      // the floating IP of web-b
   * }</pre>
   */
  default Optional<ResourceSpec> otherSide() {
    return Optional.empty();
  }
}
