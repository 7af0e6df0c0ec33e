package dev.hermitcloud.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule model: matching, skip and times, seeded probability, latency adding up. */
class FaultPlanTest {
  private static final String INSERT = "/compute/v1/projects/{project}/zones/{zone}/instances";
  private static final String IMAGE = "/compute/v1/projects/{project}/global/images/{image}";

  @Test
  void timesAppliesToTheNextMatchingRequestsOnlyAfterTheSkipped() {
    FaultPlan plan = new FaultPlan(0);
    FaultRule rule = plan.add(FaultRule.on("POST", INSERT).skipFirst(1).times(2)
        .inject(Fault.httpError(503)));

    assertThat(plan.decide("GET", INSERT, false).fault()).isNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNotNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNotNull();
    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(rule.fired()).isEqualTo(2);
    assertThat(plan.armed()).isEmpty();
    assertThat(plan.rules()).containsExactly(rule);
  }

  @Test
  void probabilitiesAreReproducibleFromTheSeed() {
    List<Boolean> first = pattern(new FaultPlan(7));
    List<Boolean> again = pattern(new FaultPlan(7));
    List<Boolean> other = pattern(new FaultPlan(8));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).contains(true, false);
    FaultPlan reseeded = new FaultPlan(1);
    pattern(reseeded);
    assertThat(pattern(reseeded.seed(7))).isEqualTo(first);
  }

  @Test
  void aProbableRuleStillStopsAfterItsTimes() {
    FaultPlan plan = new FaultPlan(3);
    FaultRule rule = plan.add(FaultRule.any().probability(0.5).times(2).inject(Fault.connectionReset()));
    for (int i = 0; i < 50; i++) {
      plan.decide("GET", IMAGE, false);
    }
    assertThat(rule.fired()).isEqualTo(2);
  }

  @Test
  void latencyAddsUpAndTheFirstOtherFaultWins() {
    FaultPlan plan = new FaultPlan(0);
    plan.add(FaultRule.any().always().inject(Fault.latency(Duration.ofMillis(5))));
    plan.add(FaultRule.on("*", INSERT).always().inject(Fault.httpError(429).retryAfter(1)));
    plan.add(FaultRule.any().always().inject(Fault.latency(Duration.ofMillis(7))));
    FaultRule later = plan.add(FaultRule.any().always().inject(Fault.httpError(500)));

    FaultDecision decision = plan.decide("POST", INSERT, true);

    assertThat(decision.latency()).isEqualTo(Duration.ofMillis(12));
    assertThat(decision.fault().status()).isEqualTo(429);
    assertThat(later.fired()).isZero();
  }

  @Test
  void oneMutatingRuleCountsEveryMutatingRequestAndSkipsReads() {
    FaultPlan plan = new FaultPlan(0);
    FaultRule rule = plan.add(FaultRule.mutating().skipFirst(2).always().inject(Fault.httpError(403)));

    assertThat(plan.decide("POST", INSERT, true).fault()).isNull();
    assertThat(plan.decide("GET", IMAGE, false).fault()).isNull();
    assertThat(plan.decide("DELETE", IMAGE, true).fault()).isNull();
    assertThat(plan.decide("GET", IMAGE, false).fault()).isNull();
    assertThat(plan.decide("PUT", "/upload", true).fault().status()).isEqualTo(403);
    assertThat(plan.decide("PATCH", IMAGE, true).fault()).isNotNull();
    assertThat(rule.fired()).isEqualTo(2);
  }

  @Test
  void methodAndTemplateMayBeGivenAsOneKey() {
    FaultPlan plan = new FaultPlan(0);
    plan.add(FaultRule.on("post " + INSERT).inject(Fault.httpError(503)));
    plan.add(FaultRule.on(IMAGE).inject(Fault.httpError(404)));

    assertThat(plan.decide("GET", INSERT, false).fault()).isNull();
    assertThat(plan.decide("POST", INSERT, true).fault().status()).isEqualTo(503);
    assertThat(plan.decide("DELETE", IMAGE, true).fault().status()).isEqualTo(404);
  }

  @Test
  void aRuleWithoutAFaultOrWithNonsenseIsRefused() {
    FaultPlan plan = new FaultPlan(0);
    assertThatThrownBy(() -> plan.add(FaultRule.any())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.any().probability(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.any().times(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.httpError(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.connectionReset().retryAfter(1)).isInstanceOf(IllegalStateException.class);
  }

  private static List<Boolean> pattern(FaultPlan plan) {
    plan.clear();
    plan.add(FaultRule.any().probability(0.3).always().inject(Fault.httpError(503)));
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      out.add(plan.decide("GET", IMAGE, false).fault() != null);
    }
    return out;
  }
}
