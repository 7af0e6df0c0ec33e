package dev.hermitcloud.emulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected misbehaviour. Immutable. What it does to a request:
 *
 * <ul>
 *   <li>{@link #httpError}: answer an error in the cloud's shape, handler not run (nothing changes);
 *   <li>{@link #connectionReset()}: close the connection before handling (nothing changes);
 *   <li>{@link #responseLost()}: handle the request, then close without answering: the change DID
 *       happen, which is what idempotent retries must cope with;
 *   <li>{@link #truncatedResponse()}: handle, then send the headers and half the body;
 *   <li>{@link #cutBody()}: a 200 whose body stops half-way; a read is really served, a write is
 *       not run, so the cut never hides a change;
 *   <li>{@link #requestBodyCut(double)}: only the first part of the request body arrives, the
 *       handler runs on it, then the connection drops;
 *   <li>{@link #latency}: sleep, then serve as usual (adds up with every other fault);
 *   <li>{@link #effect}: serve as usual, with an effect attached to the request that the cloud's
 *       handlers act on (an operation that fails, one that takes long).
 * </ul>
 */
public final class Fault {
  /** What a fault does, see the class comment. */
  public enum Kind {
    HTTP_ERROR, CONNECTION_RESET, RESPONSE_LOST, TRUNCATED_RESPONSE, CUT_BODY, REQUEST_BODY_CUT,
    LATENCY, EFFECT
  }

  private final Kind kind;
  private final int status;
  private final String reason;
  private final String message;
  private final Integer retryAfterSeconds;
  private final Duration duration;
  private final double fraction;
  private final Object effect;

  private Fault(Kind kind, int status, String reason, String message, Integer retryAfterSeconds,
      Duration duration, double fraction, Object effect) {
    this.kind = kind;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.retryAfterSeconds = retryAfterSeconds;
    this.duration = duration;
    this.fraction = fraction;
    this.effect = effect;
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, 0, null, null, null, null, 0, null);
  }

  /** An error status (400-599) with the cloud's default reason and message for it. */
  public static Fault httpError(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    return new Fault(Kind.HTTP_ERROR, status, null, null, null, null, 0, null);
  }

  /** This status error with a machine-readable reason (Google's reason, Neutron's type). */
  public Fault reason(String newReason) {
    requireStatus();
    return new Fault(kind, status, newReason, message, retryAfterSeconds, null, 0, null);
  }

  public Fault message(String newMessage) {
    requireStatus();
    return new Fault(kind, status, reason, newMessage, retryAfterSeconds, null, 0, null);
  }

  /** This status error with {@code Retry-After: seconds}. */
  public Fault retryAfter(int seconds) {
    requireStatus();
    return new Fault(kind, status, reason, message, seconds, null, 0, null);
  }

  public static Fault connectionReset() {
    return of(Kind.CONNECTION_RESET);
  }

  public static Fault responseLost() {
    return of(Kind.RESPONSE_LOST);
  }

  public static Fault truncatedResponse() {
    return of(Kind.TRUNCATED_RESPONSE);
  }

  public static Fault cutBody() {
    return of(Kind.CUT_BODY);
  }

  /** Keeps the first {@code fraction} (in [0, 1)) of the request body, then drops the answer. */
  public static Fault requestBodyCut(double fraction) {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("fraction must be in [0, 1): " + fraction);
    }
    return new Fault(Kind.REQUEST_BODY_CUT, 0, null, null, null, null, fraction, null);
  }

  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, 0, null, null, null, Objects.requireNonNull(delay), 0, null);
  }

  /**
   * Serves the request with {@code effect} attached under its class ({@code
   * request.attachment(effect.getClass())}), for faults only the cloud knows how to carry out.
   */
  public static Fault effect(Object effect) {
    return new Fault(Kind.EFFECT, 0, null, null, null, null, 0, Objects.requireNonNull(effect));
  }

  public Kind kind() {
    return kind;
  }

  /** The error status of a {@link Kind.HTTP_ERROR} fault, else 0. */
  public int status() {
    return status;
  }

  /** The reason given, or null for the cloud's default. */
  public String reason() {
    return reason;
  }

  /** The message given, or null for the cloud's default. */
  public String message() {
    return message;
  }

  /** Seconds for {@code Retry-After}, or null for none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** A latency's delay, else null. */
  public Duration duration() {
    return duration;
  }

  /** The kept fraction of a {@link Kind#REQUEST_BODY_CUT}. */
  public double fraction() {
    return fraction;
  }

  /** The effect of a {@link Kind#EFFECT} fault, else null. */
  public Object effect() {
    return effect;
  }

  private void requireStatus() {
    if (kind != Kind.HTTP_ERROR) {
      throw new IllegalStateException("only a status fault has a reason, message or Retry-After");
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case HTTP_ERROR -> "HTTP " + status + (reason == null ? "" : " " + reason)
          + (retryAfterSeconds == null ? "" : " retry-after " + retryAfterSeconds + "s");
      case LATENCY -> "LATENCY " + duration.toMillis() + "ms";
      case REQUEST_BODY_CUT -> "REQUEST_BODY_CUT keeping " + fraction;
      case EFFECT -> "EFFECT " + effect;
      default -> kind.name();
    };
  }
}
