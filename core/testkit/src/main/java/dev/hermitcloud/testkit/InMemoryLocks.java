package dev.hermitcloud.testkit;

import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deployment locks kept in memory, each change conditional on the lease's version as a cloud's would be;
 * every call is logged ({@code acquire echo}, {@code replace echo}, ...). Tests put a lease of their own
 * with {@link #put} to play another writer.
 *
 * <pre>{@code
 * InMemoryLocks locks = new InMemoryLocks();
 * locks.put(new LockLease("echo", new LockHolder("bob", "elsewhere", 7, "run-b"), since, expires, "x"));
 * }</pre>
 */
public final class InMemoryLocks implements DeploymentLocks {
  private final Map<String, LockLease> leases = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicLong versions = new AtomicLong();

  /** Puts {@code lease} in force, whatever was there. */
  public void put(LockLease lease) {
    leases.put(lease.deployment(), lease);
  }

  /** The lease in force for {@code deployment}. */
  public Optional<LockLease> lease(String deployment) {
    return Optional.ofNullable(leases.get(deployment));
  }

  /** Every call so far, as {@code "<method> <deployment>"}. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires) {
    calls.add("acquire " + deployment);
    return Optional.of(leases.computeIfAbsent(deployment, d -> lease(d, holder, since, expires)));
  }

  @Override
  public synchronized Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires) {
    calls.add("replace " + current.deployment());
    if (!current.equals(leases.get(current.deployment()))) {
      return Optional.empty();
    }
    LockLease next = lease(current.deployment(), holder, since, expires);
    leases.put(current.deployment(), next);
    return Optional.of(next);
  }

  @Override
  public synchronized void release(LockLease lease) {
    calls.add("release " + lease.deployment());
    leases.remove(lease.deployment(), lease);
  }

  @Override
  public synchronized Optional<LockLease> breakLock(String deployment) {
    calls.add("break " + deployment);
    return Optional.ofNullable(leases.remove(deployment));
  }

  private LockLease lease(String deployment, LockHolder holder, Instant since, Instant expires) {
    return new LockLease(deployment, holder, since, expires, Long.toString(versions.incrementAndGet()));
  }
}
