package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.CloudException;
import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.progress.ProgressEvent;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Audit A2: Compute Engine answers a rate limit with 403 {@code rateLimitExceeded} (or
 * {@code userRateLimitExceeded}) and no Retry-After (https://cloud.google.com/compute/api-quota); those are
 * retried like a 429, while other 403s (permissions, resource quotas) stay final.
 */
class GceRateLimitTest extends FakeGceTestBase {
  @Test
  void a403RateLimitIsRetriedAndTheDeployFinishes() {
    fake.faults().add(FaultRule.on("GET", RouteTemplates.MACHINE_TYPES).times(2).inject(GceFaults.computeRateLimited()));
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).inject(GceFaults.userRateLimited()));

    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();

    assertThat(fake.instance(GceFixture.PROJECT, GceFixture.ZONE, "echo")).isPresent();
    assertThat(events).filteredOn(e -> e instanceof ProgressEvent.RetryScheduled).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void throttledInsertsOfAFleetHalveTheCallsInFlightAndEveryInstanceIsStillCreatedOnce() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES).times(3).inject(GceFaults.computeRateLimited()));

    GceFixture.deploy(echo, GceFixture.target(fake), events).count(10).apply().close();

    for (int i = 0; i < 10; i++) {
      assertThat(fake.stats().creations("instance", "echo-" + i)).as("echo-" + i).isEqualTo(1);
    }
    assertThat(events).filteredOn(e -> e instanceof ProgressEvent.Notice n && n.message().contains("throttled"))
        .isNotEmpty();
  }

  @Test
  void theRateLimitIsTransientAndKeepsItsReasonButAResourceQuotaIsFinal() {
    fake.faults().add(FaultRule.on("GET", RouteTemplates.MACHINE_TYPE).inject(GceFaults.computeRateLimited()));
    CloudException limited = translated();
    assertThat(limited.status()).isEqualTo(403);
    assertThat(limited.isThrottled()).isTrue();
    assertThat(limited.isTransient()).isTrue();
    assertThat(limited.retryAfter()).isEmpty();
    assertThat(limited.getMessage()).contains("Read requests per minute").endsWith("(rateLimitExceeded)");

    fake.faults().add(FaultRule.on("GET", RouteTemplates.MACHINE_TYPE).inject(GceFaults.quotaExceeded()));
    CloudException quota = translated();
    assertThat(quota.isTransient()).isFalse();
    fake.faults().add(FaultRule.on("GET", RouteTemplates.MACHINE_TYPE).inject(GceFaults.permissionDenied()));
    assertThat(translated().isTransient()).isFalse();
  }

  @Test
  void aResourceQuotaOnAnInsertIsFinal() {
    fake.faults().add(FaultRule.on("POST", RouteTemplates.FIREWALLS).always().inject(GceFaults.quotaExceeded()));

    assertThatThrownBy(() -> GceFixture.deploy(echo, GceFixture.target(fake), events).apply())
        .isInstanceOf(DeploymentException.class).hasMessageContaining("Quota 'CPUS' exceeded");
    assertThat(fake.stats().requests("POST", RouteTemplates.FIREWALLS)).isEqualTo(1);
  }

  private CloudException translated() {
    try (var machineTypes = dev.hermitcloud.gce.fake.FakeGceClients.machineTypes(fake)) {
      machineTypes.get(GceFixture.PROJECT, GceFixture.ZONE, "e2-micro");
    } catch (Exception e) {
      Exception translated = GceErrors.translate(e instanceof ExecutionException ? (Exception) e.getCause() : e);
      assertThat(translated).isInstanceOf(CloudException.class);
      return (CloudException) translated;
    }
    throw new AssertionError("the call did not fail");
  }
}
