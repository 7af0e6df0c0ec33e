package dev.hermitcloud.emulator.fault;

import java.util.Random;

/**
 * When to inject a {@link Fault}: requests matching a method and a path template (either may be
 * {@code "*"}), or every request the emulator counts as mutating; after letting the first {@code
 * k} of them through ({@link #skipFirst}); for the next {@code n} ({@link #times}, default 1) or
 * all ({@link #always}); each with a probability drawn from the plan's seeded random. Configure it,
 * then add it to a {@link FaultPlan}:
 *
 * <pre>{@code
 * plan.add(FaultRule.on("POST /compute/v2.1/servers").times(2).inject(Fault.httpError(429).retryAfter(1)));
 * plan.add(FaultRule.mutating().skipFirst(3).always().inject(Fault.httpError(403)));
 * plan.add(FaultRule.any().probability(0.1).always().inject(Fault.connectionReset()));
 * }</pre>
 *
 * <p>The plan holds a rule's counters, so a rule belongs to one plan.
 */
public final class FaultRule {
  public static final String ANY = "*";
  private static final int UNLIMITED = -1;

  private final String method;
  private final String template;
  private final boolean mutatingOnly;
  private int times = 1;
  private int skip;
  private double probability = 1;
  private Fault fault;
  private int fired;

  private FaultRule(String method, String template, boolean mutatingOnly) {
    this.method = method.toUpperCase();
    this.template = template;
    this.mutatingOnly = mutatingOnly;
  }

  /** Matches one method (e.g. {@code "PATCH"}, or {@code "*"}) and path template (or {@code "*"}). */
  public static FaultRule on(String method, String template) {
    return new FaultRule(method, template, false);
  }

  /** Matches {@code "METHOD TEMPLATE"} as requests are counted; a lone template means any method. */
  public static FaultRule on(String methodAndTemplate) {
    String[] parts = methodAndTemplate.trim().split("\\s+", 2);
    return parts.length == 1 ? on(ANY, parts[0]) : on(parts[0], parts[1]);
  }

  /** Matches every request to the cloud's API (never the {@code /_fake/} API). */
  public static FaultRule any() {
    return on(ANY, ANY);
  }

  /**
   * Matches every request the emulator counts as mutating (creates, deletes, updates, uploads), so
   * one rule, and one {@link #skipFirst} count, covers them all.
   */
  public static FaultRule mutating() {
    return new FaultRule(ANY, ANY, true);
  }

  /** Fires on the next {@code n} matching requests (of those its probability picks); default 1. */
  public synchronized FaultRule times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + n);
    }
    this.times = n;
    return this;
  }

  /** Fires on every matching request (of those its probability picks) until cleared. */
  public synchronized FaultRule always() {
    this.times = UNLIMITED;
    return this;
  }

  /** Fires on each matching request with probability {@code p}, from the plan's seeded random. */
  public synchronized FaultRule probability(double p) {
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
    }
    this.probability = p;
    return this;
  }

  /** Lets the first {@code n} matching requests through untouched before the rule applies. */
  public synchronized FaultRule skipFirst(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("skipFirst must not be negative: " + n);
    }
    this.skip = n;
    return this;
  }

  public synchronized FaultRule inject(Fault newFault) {
    this.fault = newFault;
    return this;
  }

  /** How many requests this rule has hit. */
  public synchronized int fired() {
    return fired;
  }

  /** Whether the rule can still fire (it has times left). */
  public synchronized boolean armed() {
    return times != 0;
  }

  public synchronized Fault fault() {
    return fault;
  }

  boolean matches(String requestMethod, String requestTemplate, boolean isMutating) {
    return (isMutating || !mutatingOnly)
        && (method.equals(ANY) || method.equalsIgnoreCase(requestMethod))
        && (template.equals(ANY) || template.equals(requestTemplate));
  }

  /** Decides whether this matching request gets the fault; called under the plan's lock. */
  synchronized boolean fire(Random random) {
    if (fault == null || times == 0) {
      return false;
    }
    if (skip > 0) {
      skip--;
      return false;
    }
    // no draw for a certain rule, so adding one does not shift the others' random sequence
    if (probability < 1 && random.nextDouble() >= probability) {
      return false;
    }
    if (times > 0) {
      times--;
    }
    fired++;
    return true;
  }

  @Override
  public synchronized String toString() {
    return (mutatingOnly ? "mutating" : method + " " + template) + " -> " + fault
        + (times == UNLIMITED ? " always" : " x" + times)
        + (probability < 1 ? " p=" + probability : "")
        + (skip > 0 ? " after " + skip : "");
  }
}
