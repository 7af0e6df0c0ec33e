package dev.hermitcloud;

import dev.hermitcloud.resource.ResourceKind;

/**
 * A resource the deployment needs has a name that something else already uses. The SDK never adopts,
 * changes or deletes what it does not own, so nothing was changed.
 */
public final class ResourceConflictException extends HermitException {
  private static final long serialVersionUID = 1L;

  public ResourceConflictException(ResourceKind kind, String name, String deployment, String owner) {
    super(kind.label() + " '" + name + "' already exists and is " + owner + ", not by deployment '" + deployment
        + "': nothing was changed. Choose another deployment name with .name(...), or delete that "
        + kind.label() + " yourself if it is a leftover.", null);
  }
}
