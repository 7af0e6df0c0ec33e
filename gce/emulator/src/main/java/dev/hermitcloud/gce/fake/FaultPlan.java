package dev.hermitcloud.gce.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults a fake injects. Rules are checked in the order added; every firing {@link
 * Fault#latency} rule adds its delay, and the first other firing rule decides the request's fate.
 * Probabilities come from one {@link Random} seeded by {@link #seed(long)} (default 0).
 */
public final class FaultPlan {
  /** What the plan decided for one request. */
  record Decision(long latencyMillis, Fault fault) {}

  private final List<FaultRule> rules = new ArrayList<>();
  private Random random = new Random(0);

  FaultPlan() {}

  public synchronized FaultPlan seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  public synchronized FaultRule add(FaultRule rule) {
    if (rule.fault() == null) {
      throw new IllegalArgumentException("rule has no fault: call inject(...) first");
    }
    rules.add(rule);
    return rule;
  }

  public synchronized void clear() {
    rules.clear();
  }

  public synchronized List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  synchronized Decision decide(String method, String template, boolean mutating) {
    long latency = 0;
    Fault chosen = null;
    for (FaultRule rule : new ArrayList<>(rules)) {
      if (!rule.matches(method, template, mutating)) {
        continue;
      }
      boolean isLatency = rule.fault().kind() == Fault.Kind.LATENCY;
      if (!isLatency && chosen != null) {
        continue;
      }
      if (rule.fire(random)) {
        if (isLatency) {
          latency += rule.fault().duration().toMillis();
        } else {
          chosen = rule.fault();
        }
      }
    }
    return new Decision(latency, chosen);
  }
}
