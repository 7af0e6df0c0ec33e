package dev.hermitcloud.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.progress.ProgressEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session's limit on calls in flight: grows while calls succeed, halves once per throttled round. */
class AdaptiveLimitTest {
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @Test
  void growsByOnePerSuccessUpToTheCap() throws Exception {
    assertThat(new AdaptiveLimit(12, events::add, "gce").limit()).isEqualTo(AdaptiveLimit.START);
    assertThat(limitAfter(12, 10).limit()).isEqualTo(12);
  }

  @Test
  void aThrottledAnswerHalvesItOnceForItsRoundThenItGrowsByOnePerRound() throws Exception {
    AdaptiveLimit limit = limitAfter(64, 8);
    assertThat(limit.limit()).isEqualTo(16);

    throttled(limit, new CloudException(429, "slow down"));
    assertThat(limit.limit()).isEqualTo(8);
    // GCE's 403 rateLimitExceeded counts the same
    throttled(limit, new CloudException(403, "Read requests per minute (rateLimitExceeded)", Duration.ZERO, true, null));
    assertThat(limit.limit()).isEqualTo(4);
    assertThatThrownBy(() -> limit.call(() -> {
      throw new CloudException(403, "permission denied");
    })).isInstanceOf(CloudException.class);
    assertThat(limit.limit()).as("a 403 that is no rate limit").isEqualTo(4);

    succeed(limit, 4);
    assertThat(limit.limit()).as("after the first throttle, one per round of successes").isEqualTo(5);
    assertThat(events).filteredOn(ProgressEvent.Notice.class::isInstance).hasSize(2);
  }

  @Test
  void callsInFlightTogetherWhenOneIsThrottledHalveItOnlyOnce() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(64, events::add, "gce");
    CountDownLatch allIn = new CountDownLatch(8);
    List<Throwable> outcomes = concurrently(8, () -> limit.call(() -> {
      allIn.countDown();
      allIn.await(10, TimeUnit.SECONDS);
      throw new CloudException(429, "slow down");
    }));
    assertThat(outcomes).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(CloudException.class));
    assertThat(limit.limit()).isEqualTo(4);
  }

  @Test
  void moreCallsThanTheStartRunAtOnceOnceItHasGrownButNeverMoreThanTheLimit() throws Exception {
    AdaptiveLimit limit = limitAfter(20, 12);
    assertThat(limit.limit()).isEqualTo(20);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch twenty = new CountDownLatch(20);
    List<Throwable> outcomes = concurrently(30, () -> limit.call(() -> {
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      twenty.countDown();
      // the first twenty meet here; the other ten only start as those leave
      twenty.await(10, TimeUnit.SECONDS);
      inFlight.decrementAndGet();
      return null;
    }));
    assertThat(outcomes).containsOnlyNulls();
    assertThat(most.get()).isEqualTo(20);
  }

  @Test
  void aCallMadeWithinACallTakesNoSecondPermit() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(1, events::add, "gce");
    assertThat(limit.call(() -> limit.call(() -> "inner"))).isEqualTo("inner");
  }

  /** A limit of {@code cap} after {@code successes} answered calls. */
  private AdaptiveLimit limitAfter(int cap, int successes) throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(cap, events::add, "gce");
    succeed(limit, successes);
    return limit;
  }

  private static void succeed(AdaptiveLimit limit, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      limit.call(() -> "ok");
    }
  }

  /** Runs {@code call} on {@code threads} threads at once; what each threw (null if nothing). */
  private static List<Throwable> concurrently(int threads, Callable<Object> call) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        calls.add(pool.submit(call));
      }
      List<Throwable> outcomes = new ArrayList<>();
      for (Future<Object> f : calls) {
        try {
          f.get();
          outcomes.add(null);
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void throttled(AdaptiveLimit limit, CloudException answer) {
    assertThatThrownBy(() -> limit.call(() -> {
      throw answer;
    })).isSameAs(answer);
  }
}
