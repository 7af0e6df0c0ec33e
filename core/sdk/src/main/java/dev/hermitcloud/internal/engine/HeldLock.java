package dev.hermitcloud.internal.engine;

import dev.hermitcloud.DeploymentLockedException;
import dev.hermitcloud.internal.retry.Faults;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The deployment's lock while apply or destroy runs: taken when opened (see {@link LockWait}), renewed in
 * the background every third of its ttl, released when closed. Lease times come from the engine's clock;
 * the renewer's period is real time, because a virtual clock that advances when someone sleeps would make
 * a sleeping renewer spin. A target without {@link DeploymentLocks} has nothing to hold.
 */
final class HeldLock implements AutoCloseable {
  private final Session session;
  private final DeploymentLocks locks;
  private final String deployment;
  private final LockHolder me;
  private final ScheduledExecutorService renewer;
  private volatile LockLease lease;
  private volatile boolean lost;
  private boolean released;

  private HeldLock(Session session, DeploymentLocks locks, String deployment, LockHolder me, LockLease lease) {
    this.session = session;
    this.locks = locks;
    this.deployment = deployment;
    this.me = me;
    this.lease = lease;
    if (locks == null) {
      this.renewer = null;
      return;
    }
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hermit-lock-" + deployment);
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(1, session.options().lockTtl().toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /** Takes the lock of {@code deployment}, waiting at most {@code timeout} for another writer. */
  static HeldLock take(Session session, String deployment, String target, Duration timeout) throws Exception {
    DeploymentLocks locks = session.provider().locks().orElse(null);
    if (locks == null) {
      return new HeldLock(session, null, deployment, null, null);
    }
    LockHolder me = LockHolder.thisProcess(session.runId());
    LockRuns.started(me.runId());
    try {
      return new HeldLock(session, locks, deployment, me, new LockWait(session, locks, deployment, target).take(me, timeout));
    } catch (Exception | Error e) {
      LockRuns.ended(me.runId());
      throw e;
    }
  }

  /** Fails when another writer took the lock while this run worked: their changes and ours may be mixed. */
  void requireHeld(String what) {
    if (lost) {
      throw new DeploymentLockedException("lost the lock of deployment '" + deployment + "' during " + what
          + ": it was taken over or broken while this run worked (its renewal was refused), so another writer may"
          + " have changed the deployment too. Run " + what + " again to converge.", lease);
    }
  }

  private void renew() {
    LockLease current = lease;
    try {
      Instant now = session.runtime().time().now();
      Optional<LockLease> renewed = session.call("renew the lock of " + deployment,
          () -> locks.replace(current, me, current.since(), now.plus(session.options().lockTtl())));
      if (renewed.isPresent()) {
        lease = renewed.get();
        return;
      }
      lost = true;
      session.listener().on(new ProgressEvent.Notice("lock " + deployment, "lost the lock: it was taken over or broken"));
      renewer.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The next tick tries again; the lease stays valid until it expires.
      session.listener().on(new ProgressEvent.Notice("lock " + deployment, "could not renew the lock: " + Faults.describe(e)));
    }
  }

  /** Releases the lock now (before a health wait, which only reads); closing afterwards does nothing. */
  void release() {
    if (released || locks == null) {
      return;
    }
    released = true;
    // shutdown, not shutdownNow: a renewal under way must finish, or its new version is unknown to the release
    renewer.shutdown();
    try {
      renewer.awaitTermination(10, TimeUnit.SECONDS);
      if (!lost) {
        LockLease last = lease;
        session.call("release the lock of " + deployment, () -> {
          locks.release(last);
          return null;
        });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Not a failure of the run: the lease expires by itself, and the next run of this process takes it at once.
      session.listener().on(new ProgressEvent.Notice("lock " + deployment, "could not release the lock ("
          + Faults.describe(e) + "); it expires at " + lease.expires()));
    } finally {
      LockRuns.ended(me.runId());
    }
  }

  @Override
  public void close() {
    release();
  }
}
