package dev.hermitcloud.internal.health;

/** The outcome of one probe: healthy or not, and what was seen (status line, error). */
public record ProbeResult(boolean healthy, String detail) {
  public static ProbeResult healthy(String detail) {
    return new ProbeResult(true, detail);
  }

  public static ProbeResult unhealthy(String detail) {
    return new ProbeResult(false, detail);
  }
}
