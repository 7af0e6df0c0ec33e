package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates compute operations and drives them PENDING -> RUNNING (after a third of the duration) ->
 * DONE (after the whole duration). A zero duration completes inside the inserting request, so the
 * insert is answered DONE; {@link #finishAll()} lets a test skip the wait. Every finished operation
 * runs the after-change hook under the lock (so a controller reacts before anyone sees the result) and
 * then triggers the change listener, off the lock. The same clock runs timers ({@link #later}): what a
 * service does some time after a change, such as a health probe.
 */
final class OperationRunner implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(OperationRunner.class.getName());

  private final ComputeStore store;
  private final Runnable onChange;
  private final ScheduledExecutorService scheduler;
  private final Map<String, FakeOperation> operations = new ConcurrentHashMap<>();
  private final Map<FakeOperation, Stages> unfinished = new ConcurrentHashMap<>();
  private final java.util.Set<Timer> timers = ConcurrentHashMap.newKeySet();
  private volatile Duration defaultDuration;
  private volatile Runnable afterChange = () -> {};

  OperationRunner(ComputeStore store, Duration defaultDuration, Runnable onChange) {
    this.store = store;
    this.defaultDuration = defaultDuration;
    this.onChange = onChange;
    AtomicInteger n = new AtomicInteger();
    this.scheduler = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "fake-gce-operations-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  void defaultDuration(Duration duration) {
    this.defaultDuration = duration;
  }

  Duration defaultDuration() {
    return defaultDuration;
  }

  /** Runs under the store lock after every finished operation and timer. */
  void afterChange(Runnable hook) {
    this.afterChange = hook;
  }

  /**
   * Starts an operation on {@code subject} (marked busy until DONE). Call with the store locked.
   * {@code request} is null for what the fake itself starts (a group manager's instances): such an
   * operation takes the default duration and no fault applies to it.
   */
  FakeOperation start(
      Request request, String type, StoredResource subject, OperationWork work) {
    FakeOperation op = register(type, subject);
    Duration duration = request == null ? defaultDuration
        : request.attachment(SlowOperation.class).map(SlowOperation::duration).orElse(defaultDuration);
    OperationError injected = request == null ? null
        : request.attachment(OperationError.class).orElse(null);
    Stages stages = new Stages(op, subject, work, injected);
    if (duration.isZero()) {
      stages.toDone();
      return op;
    }
    unfinished.put(op, stages);
    long total = Math.max(1, duration.toMillis());
    long toRunning = total / 3;
    scheduler.schedule(() -> {
      stages.toRunning();
      scheduler.schedule(stages::toDone, total - toRunning, TimeUnit.MILLISECONDS);
    }, toRunning, TimeUnit.MILLISECONDS);
    return op;
  }

  private FakeOperation register(String type, StoredResource subject) {
    ResourceKey key = subject.key();
    FakeOperation op = new FakeOperation(
        key.project(), key.zone(), key.region(), newName(), store.newId(), type, subject.selfLink(),
        subject.id());
    operations.put(lookupKey(key.project(), key.location(), op.name()), op);
    subject.pendingOperation(op);
    return op;
  }

  /**
   * Starts an operation that is DONE only when {@link #close} says so, for work whose end the clock
   * does not decide (a group manager's delete waits until its instances are gone). Call with the store
   * locked.
   */
  FakeOperation startOpen(String type, StoredResource subject) {
    FakeOperation op = register(type, subject);
    op.markRunning();
    return op;
  }

  /** Ends an operation begun with {@link #startOpen}. Call with the store locked. */
  void close(FakeOperation op, StoredResource subject, OperationError error) {
    if (subject.pendingOperation() == op) {
      subject.pendingOperation(null);
    }
    op.markDone(error);
    scheduler.execute(onChange);
  }

  /**
   * Runs {@code task} (under the store lock) one operation duration from now, or at the next {@link
   * #finishAll()}. With a zero duration only {@link #finishAll()} runs it: a timer that starts another
   * would otherwise spin.
   */
  void later(Runnable task) {
    Timer timer = new Timer(task);
    timers.add(timer);
    Duration duration = defaultDuration;
    if (!duration.isZero()) {
      scheduler.schedule(timer::fire, Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Finishes every unfinished operation now, as if its time had passed, also those the finished ones
   * start; then fires the timers that were due before the call (and finishes what they start). Timers
   * set during the call wait for the next one, so a chain of probes advances one step a call.
   */
  void finishAll() {
    List<Timer> due = List.copyOf(timers);
    finishOperations();
    due.forEach(Timer::fire);
    finishOperations();
  }

  private void finishOperations() {
    for (int round = 0; round < 1000 && !unfinished.isEmpty(); round++) {
      for (Stages stages : List.copyOf(unfinished.values())) {
        stages.toDone();
      }
    }
  }

  /** Drops every timer (a state reset). */
  void dropTimers() {
    timers.clear();
  }

  /** One task for later, run once whoever fires it first. */
  private final class Timer {
    private final Runnable task;
    private final AtomicBoolean fired = new AtomicBoolean();

    Timer(Runnable task) {
      this.task = task;
    }

    /**
     * Runs the task and the after-change hook; not the change listener: a timer changes no address or
     * firewall, and the operations it starts call the listener when they finish.
     */
    void fire() {
      if (timers.remove(this) && fired.compareAndSet(false, true)) {
        synchronized (store) {
          try {
            task.run();
            afterChange.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a timer failed", e);
          }
        }
      }
    }
  }

  /** The two transitions of one operation, each taken once whoever triggers it first. */
  private final class Stages {
    private final FakeOperation op;
    private final StoredResource subject;
    private final OperationWork work;
    private final OperationError injected;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();

    Stages(FakeOperation op, StoredResource subject, OperationWork work, OperationError injected) {
      this.op = op;
      this.subject = subject;
      this.work = work;
      this.injected = injected;
    }

    void toRunning() {
      if (running.compareAndSet(false, true)) {
        synchronized (store) {
          if (op.status() == FakeOperation.Status.PENDING) {
            op.markRunning();
            work.running();
          }
        }
      }
    }

    void toDone() {
      toRunning();
      if (done.compareAndSet(false, true)) {
        unfinished.remove(op);
        finish(op, subject, work, injected);
      }
    }
  }

  /** @param location the operation's zone or region; null for a global one */
  Optional<FakeOperation> find(String project, String location, String name) {
    return Optional.ofNullable(operations.get(lookupKey(project, location, name)));
  }

  private void finish(
      FakeOperation op, StoredResource subject, OperationWork work, OperationError injected) {
    if (injected == null) {
      try {
        work.prepare();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "operation " + op.name() + " failed to prepare", e);
      }
    }
    synchronized (store) {
      OperationError error;
      try {
        if (injected != null) {
          work.fail(injected);
          error = injected;
        } else {
          error = work.complete();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "operation " + op.name() + " crashed", e);
        error = OperationError.internal("Internal error: " + e);
      }
      if (subject.pendingOperation() == op) {
        subject.pendingOperation(null);
      }
      op.markDone(error);
      try {
        afterChange.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "after operation " + op.name(), e);
      }
    }
    scheduler.execute(onChange);
  }

  private static String lookupKey(String project, String zone, String name) {
    return project + "/" + (zone == null ? "global" : zone) + "/" + name;
  }

  private static String newName() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("operation-%d-%013x-%08x-%08x",
        System.currentTimeMillis(), r.nextLong() & 0xfffffffffffffL, r.nextInt(), r.nextInt());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
