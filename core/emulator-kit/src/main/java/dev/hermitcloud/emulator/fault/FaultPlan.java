package dev.hermitcloud.emulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults an emulator injects. Rules are tried in the order added: every firing latency rule
 * adds its delay, and the first other firing rule decides the request's fate (later ones are not
 * tried, so their skip counts and the random sequence do not move). Probabilities come from one
 * {@link Random}, seeded at construction and by {@link #seed(long)}, so a run can be replayed.
 * Thread-safe.
 */
public final class FaultPlan {
  private final List<FaultRule> rules = new ArrayList<>();
  private Random random;

  public FaultPlan(long seed) {
    this.random = new Random(seed);
  }

  /** Restarts the random behind probabilistic rules from {@code seed}. */
  public synchronized FaultPlan seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /** Adds a rule (which must have its fault) and returns it, to read {@link FaultRule#fired()}. */
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

  /** Every rule added since the last clear, spent ones included. */
  public synchronized List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** The rules that can still fire, in the order they are tried. */
  public synchronized List<FaultRule> armed() {
    return rules.stream().filter(FaultRule::armed).toList();
  }

  /** Decides one request's fate; {@code template} is its route's, as counted. */
  public synchronized FaultDecision decide(String method, String template, boolean mutating) {
    Duration latency = Duration.ZERO;
    FaultRule chosen = null;
    for (FaultRule rule : rules) {
      boolean isLatency = rule.fault().kind() == Fault.Kind.LATENCY;
      if ((!isLatency && chosen != null) || !rule.matches(method, template, mutating)) {
        continue;
      }
      if (rule.fire(random)) {
        if (isLatency) {
          latency = latency.plus(rule.fault().duration());
        } else {
          chosen = rule;
        }
      }
    }
    return new FaultDecision(latency, chosen);
  }
}
