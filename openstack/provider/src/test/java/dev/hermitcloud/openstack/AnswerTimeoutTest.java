package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call whose answer does not come is given up after the cloud's {@code api_timeout} and retried by the
 * engine, so a cloud that swallows one request cannot hold a deploy for as long as the connection stays open
 * (openstack4j's stock connector waited without limit: a stage-2 run against the real cloud sat on one
 * request for minutes).
 */
class AnswerTimeoutTest extends FakeOpenStackTestBase {
  private static final String FLAVORS = "GET /compute/v2.1/flavors/detail";

  private OpenStack impatient() {
    Map<String, String> variables = new HashMap<>(FakeClouds.passwordVariables(cloud));
    variables.put("OS_API_TIMEOUT", "1");
    return OpenStack.fromEnvironment(variables);
  }

  @Test
  void aStalledReadIsAbandonedAfterTheApiTimeoutAndRetried() throws Exception {
    cloud.faults().add(FaultRule.on(FLAVORS).inject(Fault.latency(Duration.ofSeconds(40))));
    var deployment = f.deploy(impatient(), f.unikernel("stall", 1)).apply();
    assertThat(deployment.instances()).hasSize(1);
    assertThat(cloud.requestCount(FLAVORS)).as("the stalled call and its retry").isGreaterThanOrEqualTo(2);
    assertThat(cloud.servers()).hasSize(1);
  }
}
