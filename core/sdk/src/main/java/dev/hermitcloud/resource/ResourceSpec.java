package dev.hermitcloud.resource;

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
}
