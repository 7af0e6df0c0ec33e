package dev.hermitcloud.internal.engine;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.internal.retry.Faults;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.progress.ProgressListener;
import java.util.concurrent.Callable;

/**
 * How many of a session's cloud calls may be in flight at once, found the way TCP finds a window: it
 * starts at {@link #START} (or the cap, if lower), grows by one for every call that succeeds (doubling
 * each round) until the cloud first throttles, then by one per round; a throttled answer (429, or GCE's
 * 403 {@code rateLimitExceeded}, see {@link CloudException#isThrottled}) halves it, once per round, since
 * the calls that were in flight with the throttled one would otherwise halve it again for the same
 * burst. It never exceeds the cap ({@link dev.hermitcloud.EngineOptions#parallelism()}) nor drops below
 * one. The cloud's quotas are per minute (https://cloud.google.com/compute/api-quota: 1,500 requests
 * per minute and group by default), so a fleet's burst is usually well inside them and only a project
 * shared with other work sees the limit shrink.
 *
 * <p>A permit covers one call, not the waits between polls or retries, so steps that wait hold none. A
 * thread that already holds a permit (a call that makes further calls, such as a create that reads what
 * a 409 left) does not take a second one, which could otherwise wait for itself.
 */
final class AdaptiveLimit {
  /** Where the limit starts: the old fixed pool's size, so a cloud that throttles early sees no burst. */
  static final int START = 8;

  private final int cap;
  private final ProgressListener listener;
  private final String target;
  private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);
  private int limit;
  private int inFlight;
  private int successes;
  private boolean growingFast = true;
  private long round;

  AdaptiveLimit(int cap, ProgressListener listener, String target) {
    this.cap = cap;
    this.listener = listener;
    this.target = target;
    this.limit = Math.min(START, cap);
  }

  /** Runs {@code call} once it may start, and learns from its answer. */
  <T> T call(Callable<T> call) throws Exception {
    if (holding.get()) {
      return call.call();
    }
    long started = acquire();
    holding.set(true);
    try {
      T result = call.call();
      succeeded();
      return result;
    } catch (Exception e) {
      if (Faults.cloud(e).map(CloudException::isThrottled).orElse(false)) {
        throttled(started);
      }
      throw e;
    } finally {
      holding.set(false);
      release();
    }
  }

  /** The current limit. */
  synchronized int limit() {
    return limit;
  }

  private synchronized long acquire() throws InterruptedException {
    while (inFlight >= limit) {
      wait();
    }
    inFlight++;
    return round;
  }

  private synchronized void release() {
    inFlight--;
    notifyAll();
  }

  private synchronized void succeeded() {
    if (limit >= cap) {
      return;
    }
    if (growingFast || ++successes >= limit) {
      limit++;
      successes = 0;
      notifyAll();
    }
  }

  private void throttled(long startedIn) {
    int now;
    synchronized (this) {
      if (startedIn != round) {
        return;
      }
      round++;
      growingFast = false;
      successes = 0;
      limit = Math.max(1, limit / 2);
      now = limit;
    }
    listener.on(new ProgressEvent.Notice(target, "the cloud throttled a call: at most " + now + " calls at once from now"));
  }
}
