package dev.hermitcloud.gce.fake;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When to inject a {@link Fault}: requests matching a method and a path template (either may be
 * {@code "*"}), for the next N matching requests, always, or with a probability drawn from the
 * plan's seeded random. Configure it before adding it to a {@link FaultPlan}:
 *
 * <pre>{@code
 * fake.faults().add(FaultRule.on("POST", RouteTemplates.INSTANCES).times(2)
 *     .inject(Fault.rateLimited(1)));
 * }</pre>
 */
public final class FaultRule {
  public static final String ANY = "*";

  private final String method;
  private final String template;
  private final boolean mutatingOnly;
  private volatile int remaining = 1;
  private volatile int skip;
  private volatile double probability = -1;
  private volatile Fault fault;
  private final AtomicInteger fired = new AtomicInteger();

  private FaultRule(String method, String template, boolean mutatingOnly) {
    this.method = method;
    this.template = template;
    this.mutatingOnly = mutatingOnly;
  }

  /** Matches one method (e.g. {@code "PATCH"}) and template (see {@link RouteTemplates}). */
  public static FaultRule on(String method, String template) {
    return new FaultRule(method, template, false);
  }

  /** Matches every request the fake routes. */
  public static FaultRule onAny() {
    return new FaultRule(ANY, ANY, false);
  }

  /**
   * Matches every request the fake counts as mutating (inserts, deletes, patches, uploads), so one
   * rule, and one {@link #skipFirst} count, covers them all.
   */
  public static FaultRule onMutating() {
    return new FaultRule(ANY, ANY, true);
  }

  /** Applies to the next {@code n} matching requests (the default is 1). */
  public FaultRule times(int n) {
    this.remaining = n;
    this.probability = -1;
    return this;
  }

  /** Applies to every matching request. */
  public FaultRule always() {
    this.remaining = Integer.MAX_VALUE;
    this.probability = -1;
    return this;
  }

  /** Applies to each matching request with probability {@code p} (seeded, reproducible). */
  public FaultRule withProbability(double p) {
    this.remaining = Integer.MAX_VALUE;
    this.probability = p;
    return this;
  }

  /** Lets the first {@code n} matching requests through untouched before the rule applies. */
  public FaultRule skipFirst(int n) {
    this.skip = n;
    return this;
  }

  public FaultRule inject(Fault fault) {
    this.fault = fault;
    return this;
  }

  /** How many requests this rule has hit. */
  public int fired() {
    return fired.get();
  }

  Fault fault() {
    return fault;
  }

  boolean matches(String requestMethod, String requestTemplate, boolean mutating) {
    return (mutating || !mutatingOnly)
        && (method.equals(ANY) || method.equalsIgnoreCase(requestMethod))
        && (template.equals(ANY) || template.equals(requestTemplate));
  }

  /** Decides whether this matching request gets the fault. Called under the plan's lock. */
  boolean fire(Random random) {
    if (fault == null || remaining <= 0) {
      return false;
    }
    if (skip > 0) {
      skip--;
      return false;
    }
    if (probability >= 0 && random.nextDouble() >= probability) {
      return false;
    }
    if (remaining != Integer.MAX_VALUE) {
      remaining--;
    }
    fired.incrementAndGet();
    return true;
  }

  @Override
  public String toString() {
    return (mutatingOnly ? "mutating" : method + " " + template) + " -> " + fault
        + (probability >= 0 ? " p=" + probability : remaining == Integer.MAX_VALUE ? " always"
            : " x" + remaining);
  }
}
