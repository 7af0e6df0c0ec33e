package dev.hermitcloud.provider;

import java.time.Instant;

/**
 * A deployment's lock as the target keeps it: who holds it, since when, until when the holder has
 * promised to renew it, and the target's own version of it (a GCS generation, a Neutron revision) that
 * makes every change conditional on nobody having changed it meanwhile.
 *
 * <pre>{@code
 * LockLease lease = ...;            // from DeploymentLocks.acquire
 * lease.expiredAt(clock.now());     // true once the holder stopped renewing: it may be taken over
 * }</pre>
 */
public record LockLease(String deployment, LockHolder holder, Instant since, Instant expires, String version) {
  /** Whether the holder's promise to renew ran out before {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expires);
  }

  /** Whether this lease belongs to the engine run {@code runId}. */
  public boolean heldBy(String runId) {
    return holder.runId().equals(runId);
  }
}
