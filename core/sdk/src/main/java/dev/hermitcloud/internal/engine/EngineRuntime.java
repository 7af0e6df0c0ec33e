package dev.hermitcloud.internal.engine;

import dev.hermitcloud.internal.health.HealthProbe;
import dev.hermitcloud.internal.time.TimeSource;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * What the engine takes from its surroundings: the clock, randomness (request ids, jitter) and the way
 * health checks reach instances. Tests run the engine on a virtual clock with a scripted probe through
 * {@link RuntimeOverride}; nothing else replaces it. Not API.
 */
public record EngineRuntime(TimeSource time, RandomGenerator random, HealthProbe healthProbe) {
  public static EngineRuntime system() {
    return new EngineRuntime(TimeSource.system(), new SecureRandom(), HealthProbe.network());
  }
}
