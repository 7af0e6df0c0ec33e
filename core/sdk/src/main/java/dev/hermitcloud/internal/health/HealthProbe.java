package dev.hermitcloud.internal.health;

import dev.hermitcloud.spec.Health;

/** One attempt of a health check against one address. */
@FunctionalInterface
public interface HealthProbe {
  /** Probes {@code address} once; never throws for an unhealthy answer. */
  ProbeResult probe(String address, Health health);

  /** Probes over the network: an HTTP GET or a TCP connect. */
  static HealthProbe network() {
    return new NetworkHealthProbe(java.time.Duration.ofSeconds(5));
  }
}
