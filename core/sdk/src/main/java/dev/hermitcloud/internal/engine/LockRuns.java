package dev.hermitcloud.internal.engine;

import dev.hermitcloud.provider.LockHolder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine runs of this process that hold a lock now. A lease that names this process but none of
 * these runs was left by a run that ended without releasing it (its release call failed): no writer
 * holds it, so it is taken over at once instead of waiting for it to expire.
 */
final class LockRuns {
  private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

  private LockRuns() {}

  static void started(String runId) {
    ACTIVE.add(runId);
  }

  static void ended(String runId) {
    ACTIVE.remove(runId);
  }

  /** Whether {@code holder} is an earlier, finished run of this process ({@code me}). */
  static boolean isStale(LockHolder holder, LockHolder me) {
    return holder.sameProcessAs(me) && !ACTIVE.contains(holder.runId());
  }
}
