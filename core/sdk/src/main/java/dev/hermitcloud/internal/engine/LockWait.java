package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentLockedException;
import dev.hermitcloud.internal.time.TimeSource;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a deployment's lock for one run: at once when it is free, by taking over a lease whose holder
 * stopped renewing it (or one left by an earlier run of this very process, which is certainly over), or
 * after waiting for the holder, reporting who it is; a {@link DeploymentLockedException} naming the holder
 * when {@code timeout} runs out first.
 */
final class LockWait {
  /** Races (the lease changed between two calls) are retried at once this often before sleeping a poll. */
  private static final int QUICK_RACES = 3;

  private final Session session;
  private final DeploymentLocks locks;
  private final String deployment;
  private final String target;

  LockWait(Session session, DeploymentLocks locks, String deployment, String target) {
    this.session = session;
    this.locks = locks;
    this.deployment = deployment;
    this.target = target;
  }

  LockLease take(LockHolder me, Duration timeout) throws Exception {
    TimeSource time = session.runtime().time();
    Duration ttl = session.options().lockTtl();
    Instant deadline = time.now().plus(timeout);
    LockHolder reported = null;
    int races = 0;
    while (true) {
      Instant now = time.now();
      Optional<LockLease> seen = session.call("take the lock of " + deployment,
          () -> locks.acquire(deployment, me, now, now.plus(ttl)));
      if (seen.isPresent() && seen.get().heldBy(me.runId())) {
        return seen.get();
      }
      LockLease holder = seen.orElse(null);
      boolean raced = holder == null;
      if (holder != null && (holder.expiredAt(now) || LockRuns.isStale(holder.holder(), me))) {
        Optional<LockLease> taken = session.call("take over the lock of " + deployment,
            () -> locks.replace(holder, me, now, now.plus(ttl)));
        if (taken.isPresent()) {
          session.listener().on(new ProgressEvent.Notice("lock " + deployment, "took over the lock from " + holder.holder()
              + " (held since " + holder.since() + ", " + (holder.expiredAt(now) ? "expired " + holder.expires()
              : "left by an earlier run of this process") + ")"));
          return taken.get();
        }
        // renewed or taken by someone else meanwhile, or (locally) its process still holds it
        raced = true;
      }
      if (raced && ++races <= QUICK_RACES) {
        continue;
      }
      races = 0;
      if (!now.isBefore(deadline)) {
        throw new DeploymentLockedException(holder == null
            ? "could not take the lock of deployment '" + deployment + "' on " + target + ": it kept changing hands"
            : busy(holder, timeout), holder);
      }
      if (holder != null && !holder.holder().equals(reported)) {
        reported = holder.holder();
        session.listener().on(new ProgressEvent.LockWaiting(deployment, reported.toString(), holder.since(),
            holder.expires()));
      }
      Duration left = Duration.between(now, deadline);
      time.sleep(left.compareTo(session.options().lockPoll()) < 0 ? left : session.options().lockPoll());
    }
  }

  private String busy(LockLease lease, Duration timeout) {
    return "deployment '" + deployment + "' on " + target + " is locked by " + lease.holder() + " since " + lease.since()
        + " (renewed until " + lease.expires() + "): another apply or destroy of it is running"
        + (timeout.isZero() ? "" : "; waited " + timeout.toSeconds() + " s") + ". Nothing was changed. Run again to wait for it"
        + " (without --no-wait, or with a longer lockTimeout), or, if that process is gone, break the lock with"
        + " 'hermit unlock " + deployment + "' (Hermit.unlock(\"" + deployment + "\").on(target)).";
  }
}
