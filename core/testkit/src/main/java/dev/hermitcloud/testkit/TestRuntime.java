package dev.hermitcloud.testkit;

import dev.hermitcloud.internal.engine.EngineRuntime;
import dev.hermitcloud.internal.engine.RuntimeOverride;
import dev.hermitcloud.internal.health.HealthProbe;
import dev.hermitcloud.internal.time.TimeSource;
import java.util.random.RandomGenerator;

/**
 * Runs a deployment or destroy definition on a clock, randomness and health probe of the test's own, such
 * as a {@link VirtualTime}: the engine's sleeps, deadlines, request ids and probes then follow the test.
 *
 * <pre>{@code
 * VirtualTime time = new VirtualTime();
 * TestRuntime.use(Hermit.deploy(app).to(cloud.target()), time, new Random(7), (address, health) -> ProbeResult.healthy("ok")).apply();
 * }</pre>
 */
public final class TestRuntime {
  private TestRuntime() {}

  /** {@code definition}, now running on this runtime; it must come from {@code Hermit.deploy} or {@code Hermit.destroy}. */
  public static <T> T use(T definition, TimeSource time, RandomGenerator random, HealthProbe probe) {
    if (!(definition instanceof RuntimeOverride override)) {
      throw new IllegalArgumentException(definition.getClass() + " is not a hermit-cloud definition");
    }
    override.runtime(new EngineRuntime(time, random, probe));
    return definition;
  }
}
