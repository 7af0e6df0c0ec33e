package dev.hermitcloud.internal.retry;

import dev.hermitcloud.retry.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.testkit.VirtualTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calls to one target share one budget, whichever deployment or retrier makes them. */
class RateLimitTest {
  Retrier retrier(String target, int perSecond) {
    return new Retrier(RetryPolicy.builder().ratePerSecond(perSecond).build(), new VirtualTime(), new Random(1),
        ProgressListener.none(), target);
  }

  @Test
  void retriersOfOneTargetDrawFromTheSameBudget() throws Exception {
    Retrier first = retrier("gce:shared-project", 1000);
    Retrier second = retrier("gce:shared-project", 1000);
    int before = RateLimits.forTarget("gce:shared-project", 1000).getMetrics().getAvailablePermissions();

    for (int i = 0; i < 5; i++) {
      first.call("get a", () -> "a");
      second.call("get b", () -> "b");
    }

    int after = RateLimits.forTarget("gce:shared-project", 1000).getMetrics().getAvailablePermissions();
    assertThat(before - after).isBetween(10, 10 + 1000);
    assertThat(RateLimits.forTarget("gce:other-project", 1000).getMetrics().getAvailablePermissions()).isEqualTo(1000);
  }

  @Test
  void zeroMeansNoLimiter() throws Exception {
    Retrier unlimited = retrier("gce:unlimited", 0);
    for (int i = 0; i < 100; i++) {
      unlimited.call("get", () -> "x");
    }
    assertThat(RateLimits.forTarget("gce:unlimited", 1).getMetrics().getAvailablePermissions()).isEqualTo(1);
  }
}
