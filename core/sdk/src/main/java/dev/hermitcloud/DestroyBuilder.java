package dev.hermitcloud;

import dev.hermitcloud.internal.engine.Engine;
import dev.hermitcloud.internal.engine.EngineRuntime;
import dev.hermitcloud.internal.engine.EngineSettings;
import dev.hermitcloud.internal.engine.RuntimeOverride;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.internal.validation.Check;

/** The object behind {@link DestroyDefinition}. */
final class DestroyBuilder implements DestroyDefinition, RuntimeOverride {
  private final String deployment;
  private final EngineSettings settings = new EngineSettings();

  DestroyBuilder(String deployment) {
    this.deployment = Check.nameWithRoom("deployment.name", deployment, Names.LONGEST_SUFFIX);
  }

  @Override
  public DestroyDefinition onProgress(ProgressListener listener) {
    settings.listener(listener);
    return this;
  }

  @Override
  public DestroyDefinition retry(RetryPolicy policy) {
    settings.retry(policy);
    return this;
  }

  @Override
  public DestroyDefinition engineOptions(EngineOptions engineOptions) {
    settings.options(engineOptions);
    return this;
  }

  @Override
  public DestroyDefinition lockTimeout(java.time.Duration timeout) {
    settings.lockTimeout(timeout);
    return this;
  }

  @Override
  public void runtime(EngineRuntime runtime) {
    settings.runtime(runtime);
  }

  @Override
  public Plan on(Target target) {
    return run(target, false);
  }

  @Override
  public Plan planOn(Target target) {
    return run(target, true);
  }

  private Plan run(Target target, boolean dryRun) {
    return HermitException.wrap((dryRun ? "plan destroy of " : "destroy ") + deployment, () -> {
      try (Provider provider = target.connect()) {
        Engine engine = new Engine(settings);
        return dryRun ? engine.planDestroy(deployment, target.describe(), provider)
            : engine.destroy(deployment, target.describe(), provider);
      }
    });
  }
}
