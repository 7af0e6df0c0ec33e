package dev.hermitcloud.emulator.fault;

import java.time.Duration;

/**
 * What a {@link FaultPlan} decided for one request: the latency to add, and the rule (if any) that
 * takes the request over.
 */
public record FaultDecision(Duration latency, FaultRule rule) {
  /** The fault that takes the request over, or null. */
  public Fault fault() {
    return rule == null ? null : rule.fault();
  }
}
