package dev.hermitcloud;

import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.LockLease;
import dev.hermitcloud.provider.Target;
import java.util.Optional;

/**
 * Breaks a deployment's lock, started by {@link Hermit#unlock}: for a lock left by an apply or destroy
 * that was killed (a holder that is alive renews it and would lose it).
 *
 * <pre>{@code
 * Optional<LockLease> broken = Hermit.unlock("echo-server").on(Gce.project("p").zone("z").bucket("b"));
 * broken.ifPresent(lease -> System.out.println("broke the lock of " + lease.holder()));
 * }</pre>
 */
public interface UnlockDefinition {
  /** Where progress events go; none by default. */
  UnlockDefinition onProgress(ProgressListener listener);

  /** Removes the lock on {@code target}; returns the lease it removed, empty when there was none. */
  Optional<LockLease> on(Target target);
}
