package dev.hermitcloud;

import dev.hermitcloud.provider.LockLease;

/**
 * Another apply or destroy holds the deployment's lock: it was held when {@code lockTimeout} ran out
 * (at once with {@code Duration.ZERO}, the CLI's {@code --no-wait}), or this run lost it while it worked.
 * Nothing was changed unless the message says so. The holder is named so that it can be found; a lock
 * whose holder is gone can be broken with {@code Hermit.unlock(name).on(target)} ({@code hermit unlock}).
 *
 * <pre>{@code
 * try {
 *   Hermit.deploy(app).to(target).lockTimeout(Duration.ZERO).apply();
 * } catch (DeploymentLockedException busy) {
 *   System.err.println(busy.lease().holder() + " is deploying since " + busy.lease().since());
 * }
 * }</pre>
 */
public final class DeploymentLockedException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final transient LockLease lease;

  public DeploymentLockedException(String message, LockLease lease) {
    super(message, null);
    this.lease = lease;
  }

  /** The lease in force when this was thrown. */
  public LockLease lease() {
    return lease;
  }
}
