package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static final String INSERT = RouteTemplates.INSTANCES;

  @Test
  void timesAppliesToTheNextMatchingRequestsOnly() {
    FaultPlan plan = new FaultPlan();
    FaultRule rule = plan.add(FaultRule.on("POST", INSERT).skipFirst(1).times(2)
        .inject(Fault.backendError()));

    assertThat(plan.decide("GET", INSERT, false).fault()).isNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNotNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNotNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(rule.fired()).isEqualTo(2);
  }

  @Test
  void probabilitiesAreReproducibleFromTheSeed() {
    List<Boolean> first = pattern(7);
    List<Boolean> again = pattern(7);
    List<Boolean> other = pattern(8);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).contains(true, false);
  }

  @Test
  void latencyAddsUpAndTheFirstOtherFaultWins() {
    FaultPlan plan = new FaultPlan();
    plan.add(FaultRule.onAny().always().inject(Fault.latency(Duration.ofMillis(5))));
    plan.add(FaultRule.on("*", INSERT).always().inject(Fault.rateLimited(1)));
    plan.add(FaultRule.onAny().always().inject(Fault.latency(Duration.ofMillis(7))));
    plan.add(FaultRule.onAny().always().inject(Fault.internalError()));

    FaultPlan.Decision decision = plan.decide("POST", INSERT, true);

    assertThat(decision.latencyMillis()).isEqualTo(12);
    assertThat(decision.fault().status()).isEqualTo(429);
  }

  @Test
  void oneMutatingRuleCountsEveryMutatingRequestAndSkipsReads() {
    FaultPlan plan = new FaultPlan();
    FaultRule rule = plan.add(FaultRule.onMutating().skipFirst(2).always().inject(Fault.permissionDenied()));

    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(plan.decide("GET", RouteTemplates.IMAGE, false).fault()).isNull();
    assertThat(plan.decide("DELETE", RouteTemplates.IMAGE, true).fault()).isNull();
    assertThat(plan.decide("GET", RouteTemplates.IMAGE, false).fault()).isNull();
    assertThat(plan.decide("PUT", RouteTemplates.OBJECT_UPLOADS, true).fault().status()).isEqualTo(403);
    assertThat(plan.decide("PATCH", RouteTemplates.FIREWALL, true).fault()).isNotNull();
    assertThat(rule.fired()).isEqualTo(2);
  }

  private static List<Boolean> pattern(long seed) {
    FaultPlan plan = new FaultPlan().seed(seed);
    plan.add(FaultRule.onAny().withProbability(0.3).inject(Fault.backendError()));
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.add(plan.decide("GET", RouteTemplates.IMAGE, false).fault() != null);
    }
    return out;
  }
}
