package dev.hermitcloud;

import dev.hermitcloud.resource.ResourceKind;

/**
 * A resource the deployment needs has a name that something else already uses. The SDK never adopts,
 * changes or deletes what it does not own, so nothing was changed.
 */
public final class ResourceConflictException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final String deployment;

  public ResourceConflictException(ResourceKind kind, String name, String deployment, String owner) {
    super(kind.label() + " '" + name + "' already exists and is " + owner + ", not by deployment '" + deployment
        + "': nothing was changed. Choose another deployment name with .name(...), or delete that "
        + kind.label() + " yourself if it is a leftover.", null);
    this.deployment = deployment;
  }

  /** The deployment whose resource name is taken. */
  public String deployment() {
    return deployment;
  }

  /** The way out that needs no deleting: another deployment name (the example appends {@code -2}). */
  public Fix fix() {
    return Fix.set("deployment.name", deployment + "-2").java(".name(...)");
  }
}
