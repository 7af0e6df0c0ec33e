package dev.hermitcloud.gce;

import dev.hermitcloud.testkit.FastEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.Hermit;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.spec.Port;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every compute insert, patch and delete carries a requestId, so a resent call is never done twice. */
class GceRequestIdsTest extends FakeGceTestBase {
  private static final List<String> MUTATIONS = List.of(
      "POST " + RouteTemplates.IMAGES, "DELETE " + RouteTemplates.IMAGE,
      "POST " + RouteTemplates.INSTANCES, "DELETE " + RouteTemplates.INSTANCE,
      "POST " + RouteTemplates.FIREWALLS, "PATCH " + RouteTemplates.FIREWALL, "DELETE " + RouteTemplates.FIREWALL);


  @Test
  void everyComputeMutationCarriesARequestId() throws IOException {
    GceFixture.deploy(echo, GceFixture.target(fake), events).count(2).apply().close();
    GceFixture.deploy(echo, GceFixture.target(fake), events).count(2).expose(Port.udp(53)).from("10.0.0.0/8").apply().close();
    GceFixture.deploy(GceFixture.unikernel(dir, "echo", 64 * 1024, 2), GceFixture.target(fake), events).apply().close();
    Hermit.destroy("echo").engineOptions(FastEngine.OPTIONS).retry(FastEngine.RETRY).onProgress(events::add).on(GceFixture.target(fake));

    Map<String, Long> requests = fake.stats().requestsByRoute();
    for (String route : MUTATIONS) {
      String[] methodAndTemplate = route.split(" ", 2);
      assertThat(requests.getOrDefault(route, 0L)).as(route).isPositive();
      assertThat(fake.stats().tagged("requestId", methodAndTemplate[0], methodAndTemplate[1])).as(route)
          .isEqualTo(requests.get(route));
    }
  }

  @Test
  void insertsWhoseAnswersWereLostCreateEachResourceOnce() {
    for (String collection : List.of(RouteTemplates.IMAGES, RouteTemplates.FIREWALLS, RouteTemplates.INSTANCES)) {
      fake.faults().add(FaultRule.on("POST", collection).inject(Fault.responseLost()));
    }

    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();

    assertThat(fake.stats().creations().values()).containsOnly(1);
    assertThat(events).filteredOn(e -> e instanceof ProgressEvent.RetryScheduled r && r.call().startsWith("create"))
        .hasSize(3);
  }
}
