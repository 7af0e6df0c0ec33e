package dev.hermitcloud;

import dev.hermitcloud.internal.retry.Faults;
import java.time.Duration;

/** A call that kept failing with retryable faults until the policy's caps were reached. */
public final class GaveUpException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  public GaveUpException(String call, int attempts, Duration elapsed, String why, Exception last) {
    super(call + ": gave up after " + attempts + " attempt(s) in " + elapsed.toMillis() + " ms (" + why + "); last fault: "
        + Faults.describe(last), last);
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }
}
