package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected fault: which requests it matches and what happens to them. Immutable; each method
 * returns a changed copy. Arm it with {@link Faults#add}.
 *
 * <pre>{@code
 * FaultRule.on("POST /compute/v2.1/servers").status(429).retryAfter(2)            // next call only
 * FaultRule.on("GET /compute/v2.1/servers/{id}").resetConnection().times(2)
 * FaultRule.any().status(503).probability(0.2).always()                           // seeded random
 * FaultRule.any().latency(Duration.ofMillis(50)).always()
 * FaultRule.any().mutatingOnly().after(3).status(403).always()                   // refuse changes after 3
 * }</pre>
 *
 * <p>A rule matches a method (or {@code *}) and a path template exactly as counted in {@link
 * FakeOpenStack#requestCounts()} (or {@code *}). By default it fires on the next matching request
 * only; {@link #times} and {@link #always} change that, and {@link #probability} makes each match
 * fire with that chance. An injected error never changes the fake's state, except a 401, which
 * also revokes the caller's token, and {@link #resetAfterCommit}, whose point is that it does.
 */
public final class FaultRule {
  /** What the fault does to a request. */
  public enum Kind {
    /** Answer with an error status in the service's own shape, handler not run. */
    STATUS,
    /** Close the connection without answering, handler not run. */
    RESET,
    /** Start a 200 answer and close the connection half-way through its body. */
    CUT_BODY,
    /** Run the handler (the change happens), then close the connection without answering. */
    RESET_AFTER_COMMIT,
    /** Delay the request, then serve it normally. */
    LATENCY
  }

  final String method;
  final String template;
  final Kind kind;
  final int status;
  final Integer retryAfterSeconds;
  final Duration latency;
  /** How many times the rule fires; negative means without limit. */
  final int times;
  final double probability;
  /** Whether the rule sees only the requests the fake counts as mutating. */
  final boolean mutatingOnly;
  /** How many matching requests pass before the rule starts firing. */
  final int after;

  private FaultRule(
      String method,
      String template,
      Kind kind,
      int status,
      Integer retryAfterSeconds,
      Duration latency,
      int times,
      double probability,
      boolean mutatingOnly,
      int after) {
    this.method = method;
    this.template = template;
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
    this.latency = latency;
    this.times = times;
    this.probability = probability;
    this.mutatingOnly = mutatingOnly;
    this.after = after;
  }

  /**
   * Matches {@code "METHOD TEMPLATE"}, e.g. {@code "POST /compute/v2.1/servers"}; either part may
   * be {@code *}. A rule without an action answers 500.
   */
  public static FaultRule on(String methodAndTemplate) {
    String[] parts = methodAndTemplate.trim().split("\\s+", 2);
    if (parts.length == 1) {
      return new FaultRule("*", parts[0], Kind.STATUS, 500, null, Duration.ZERO, 1, 1.0, false, 0);
    }
    return new FaultRule(
        parts[0].toUpperCase(), parts[1], Kind.STATUS, 500, null, Duration.ZERO, 1, 1.0, false,
        0);
  }

  /** Matches every request to the cloud APIs (Keystone included, the {@code /_fake} API not). */
  public static FaultRule any() {
    return on("* *");
  }

  /** Answers with this status: 401, 409, 413, 429, 500, 503 or any other error status. */
  public FaultRule status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    return copy(Kind.STATUS, status, retryAfterSeconds, latency, times, probability);
  }

  /** Adds a Retry-After header (and Nova's {@code retryAfter} field) to the error answer. */
  public FaultRule retryAfter(int seconds) {
    return copy(kind, status, seconds, latency, times, probability);
  }

  public FaultRule resetConnection() {
    return copy(Kind.RESET, status, retryAfterSeconds, latency, times, probability);
  }

  public FaultRule cutBody() {
    return copy(Kind.CUT_BODY, 200, retryAfterSeconds, latency, times, probability);
  }

  public FaultRule resetAfterCommit() {
    return copy(Kind.RESET_AFTER_COMMIT, status, retryAfterSeconds, latency, times, probability);
  }

  public FaultRule latency(Duration delay) {
    return copy(Kind.LATENCY, status, retryAfterSeconds, Objects.requireNonNull(delay), times,
        probability);
  }

  /** Fires on the next {@code n} matching requests (of those its probability picks). */
  public FaultRule times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + n);
    }
    return copy(kind, status, retryAfterSeconds, latency, n, probability);
  }

  /** Fires on every matching request (of those its probability picks) until cleared. */
  public FaultRule always() {
    return copy(kind, status, retryAfterSeconds, latency, -1, probability);
  }

  /** Fires on each matching request with this chance, drawn from the fake's seeded Random. */
  public FaultRule probability(double p) {
    if (p <= 0 || p > 1) {
      throw new IllegalArgumentException("probability must be in (0, 1]: " + p);
    }
    return copy(kind, status, retryAfterSeconds, latency, times, p);
  }

  /**
   * Sees only requests that may change state, as {@link FakeOpenStack#mutatingRequestCount()}
   * counts them (no Keystone token requests, no console reads).
   */
  public FaultRule mutatingOnly() {
    return new FaultRule(method, template, kind, status, retryAfterSeconds, latency, times,
        probability, true, after);
  }

  /** Lets the next {@code n} matching requests through, then starts firing. */
  public FaultRule after(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("after must not be negative: " + n);
    }
    return new FaultRule(method, template, kind, status, retryAfterSeconds, latency, times,
        probability, mutatingOnly, n);
  }

  public Kind kind() {
    return kind;
  }

  boolean matches(String requestMethod, String requestTemplate, boolean mutating) {
    return (mutating || !mutatingOnly)
        && (method.equals("*") || method.equals(requestMethod))
        && (template.equals("*") || template.equals(requestTemplate));
  }

  private FaultRule copy(
      Kind kind, int status, Integer retryAfter, Duration latency, int times, double probability) {
    return new FaultRule(method, template, kind, status, retryAfter, latency, times, probability,
        mutatingOnly, after);
  }

  @Override
  public String toString() {
    return method + " " + template + " -> " + kind
        + (kind == Kind.STATUS ? " " + status : "")
        + (kind == Kind.LATENCY ? " " + latency.toMillis() + "ms" : "")
        + (times < 0 ? " always" : " x" + times)
        + (probability < 1 ? " p=" + probability : "")
        + (mutatingOnly ? " mutating" : "")
        + (after > 0 ? " after " + after : "");
  }
}
