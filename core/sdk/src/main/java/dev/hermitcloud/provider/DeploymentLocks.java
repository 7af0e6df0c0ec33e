package dev.hermitcloud.provider;

import java.time.Instant;
import java.util.Optional;

/**
 * An optional capability of a {@link Provider}: a per-deployment lock kept on the target itself, so that
 * only one apply or destroy of a deployment writes at a time (like Terraform's state locking, but the
 * lock is all the state there is). A provider offers it by returning an implementation from
 * {@link Provider#locks()}; the engine does the rest: it waits for a held lock and reports who holds it, renews
 * the one it holds, takes over one whose holder stopped renewing, and releases it.
 *
 * <p>Every method is a call or two and must be atomic on the target: a create that fails when the lock
 * exists, a replace and a delete that fail when the lease changed meanwhile (a generation or revision
 * precondition). Times come from the engine's clock; the provider stores them, it never compares them.
 *
 * <pre>{@code
 * public Optional<DeploymentLocks> locks() { return Optional.of(myLocks); }   // in MyProvider
 * }</pre>
 */
public interface DeploymentLocks {
  /**
   * Takes the lock if nobody holds it. Returns the lease in force afterwards: {@code holder}'s when this
   * call took it, the current holder's when someone holds it (expired or not), or empty when a race left
   * nothing to read (the engine asks again).
   */
  Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires) throws Exception;

  /**
   * Replaces {@code current} with a lease for {@code holder}, only if {@code current} is still the lease in
   * force; empty when it was renewed, taken over, broken or released meanwhile. The engine renews its own
   * lease with it and takes over an expired one.
   */
  Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires) throws Exception;

  /** Removes {@code lease} if it is still the one in force; does nothing (and does not fail) otherwise. */
  void release(LockLease lease) throws Exception;

  /** Removes whatever lease is in force, like Terraform's force-unlock; returns the one it removed. */
  Optional<LockLease> breakLock(String deployment) throws Exception;
}
