package dev.hermitcloud.internal.retry;

import dev.hermitcloud.GaveUpException;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.internal.engine.Translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.testkit.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetrierTest {
  final VirtualTime time = new VirtualTime();
  final List<ProgressEvent> events = new ArrayList<>();

  Retrier retrier(RetryPolicy policy) {
    return new Retrier(policy, time, new Random(3), events::add, "test");
  }

  static RetryPolicy policy() {
    return RetryPolicy.builder().ratePerSecond(0).build();
  }

  /** A call that fails {@code times} times with {@code error}, then returns "ok". */
  static final class Flaky {
    final AtomicInteger calls = new AtomicInteger();

    String call(int times, Exception error) throws Exception {
      if (calls.incrementAndGet() <= times) {
        throw error;
      }
      return "ok";
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void retriesThrottlingAndServerErrors(int status) throws Exception {
    Flaky flaky = new Flaky();
    assertThat(retrier(policy()).call("get x", () -> flaky.call(3, new CloudException(status, "boom")))).isEqualTo("ok");
    assertThat(flaky.calls).hasValue(4);
    assertThat(time.sleeps()).hasSize(3);
    assertThat(events).hasSize(3).allMatch(e -> e instanceof ProgressEvent.RetryScheduled);
  }

  @Test
  void retriesConnectionFaultsAnywhereInTheCauseChain() throws Exception {
    Flaky flaky = new Flaky();
    Exception wrapped = new RuntimeException("client failed", new IOException("Connection reset"));
    assertThat(retrier(policy()).call("get x", () -> flaky.call(1, wrapped))).isEqualTo("ok");
    Flaky refused = new Flaky();
    assertThat(retrier(policy()).call("get y", () -> refused.call(2, new ConnectException("refused")))).isEqualTo("ok");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 412})
  void neverRetriesOtherClientErrors(int status) {
    Flaky flaky = new Flaky();
    assertThatThrownBy(() -> retrier(policy()).call("get x", () -> flaky.call(5, new CloudException(status, "no"))))
        .isInstanceOf(CloudException.class).hasMessage("no");
    assertThat(flaky.calls).hasValue(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void honoursRetryAfterEvenWhenLongerThanTheBackoff() throws Exception {
    Flaky flaky = new Flaky();
    CloudException throttled = new CloudException(429, "rateLimitExceeded", Duration.ofSeconds(7), null);
    retrier(policy()).call("insert x", () -> flaky.call(2, throttled));
    assertThat(time.sleeps()).hasSize(2).allMatch(d -> d.compareTo(Duration.ofSeconds(7)) >= 0);
  }

  @Test
  void backoffGrowsExponentiallyWithinJitterAndIsCapped() throws Exception {
    RetryPolicy p = RetryPolicy.builder().ratePerSecond(0).maxAttempts(10).initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(2)).multiplier(2).jitter(0.5).maxElapsed(Duration.ofHours(1)).build();
    Flaky flaky = new Flaky();
    retrier(p).call("get x", () -> flaky.call(9, new CloudException(503, "busy")));
    List<Duration> sleeps = time.sleeps();
    for (int i = 0; i < sleeps.size(); i++) {
      double base = Math.min(100 * Math.pow(2, i), 2000);
      assertThat(sleeps.get(i).toMillis()).as("sleep %d", i).isBetween((long) (base * 0.5) - 1, (long) (base * 1.5) + 1);
    }
  }

  @Test
  void stopsAtMaxAttempts() {
    Flaky flaky = new Flaky();
    RetryPolicy p = RetryPolicy.builder().ratePerSecond(0).maxAttempts(4).build();
    assertThatThrownBy(() -> retrier(p).call("get x", () -> flaky.call(100, new CloudException(503, "busy"))))
        .isInstanceOf(GaveUpException.class).hasMessageContaining("gave up after 4 attempt(s)")
        .hasMessageContaining("HTTP 503: busy");
    assertThat(flaky.calls).hasValue(4);
  }

  @Test
  void stopsWhenTheNextAttemptWouldStartAfterMaxElapsed() {
    Flaky flaky = new Flaky();
    RetryPolicy p = RetryPolicy.builder().ratePerSecond(0).maxAttempts(50).maxElapsed(Duration.ofSeconds(60)).build();
    CloudException throttled = new CloudException(429, "slow down", Duration.ofSeconds(25), null);
    assertThatThrownBy(() -> retrier(p).call("get x", () -> flaky.call(100, throttled)))
        .isInstanceOf(GaveUpException.class).hasMessageContaining("maxElapsed");
    assertThat(flaky.calls).hasValue(3);
    assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void noneMeansOneAttempt() {
    Flaky flaky = new Flaky();
    assertThatThrownBy(() -> retrier(RetryPolicy.builder().from(RetryPolicy.none()).ratePerSecond(0).build()).call("get", () -> flaky.call(5, new CloudException(503, "x"))))
        .isInstanceOf(CloudException.class);
    assertThat(flaky.calls).hasValue(1);
  }

  @Test
  void translatesClientExceptionsBeforeClassifying() throws Exception {
    Flaky flaky = new Flaky();
    // the engine's composition: the translation boundary inside the retrier
    Translation translation = new Translation(new TranslatingProvider(
        e -> e instanceof IllegalStateException ? new CloudException(429, "translated", Duration.ofSeconds(3), e) : e));
    Retrier retrier = new Retrier(policy(), time, new Random(1), events::add, "t");
    retrier.call("get", () -> translation.call(() -> flaky.call(1, new IllegalStateException("RESOURCE_EXHAUSTED"))));
    assertThat(time.sleeps()).singleElement().satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(3)));
  }

  /** A provider that only translates. */
  private record TranslatingProvider(java.util.function.UnaryOperator<Exception> translator)
      implements dev.hermitcloud.provider.Provider {
    @Override
    public String name() {
      return "translating";
    }

    @Override
    public java.util.List<dev.hermitcloud.provider.ResourceDriver<?>> drivers() {
      return java.util.List.of();
    }

    @Override
    public java.util.List<dev.hermitcloud.resource.ResourceSpec> resources(dev.hermitcloud.spec.DeploymentSpec spec,
        dev.hermitcloud.resource.ResolvedMachineType machineType) {
      return java.util.List.of();
    }

    @Override
    public dev.hermitcloud.resource.ResolvedMachineType resolve(dev.hermitcloud.spec.MachineType type, int diskGib) {
      throw new UnsupportedOperationException();
    }

    @Override
    public dev.hermitcloud.provider.ConsoleReader console() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Exception translate(Exception error) {
      return translator.apply(error);
    }
  }
}
