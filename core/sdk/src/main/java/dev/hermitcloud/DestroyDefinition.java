package dev.hermitcloud;

import dev.hermitcloud.engine.Engine;
import dev.hermitcloud.engine.EngineOptions;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.validation.Check;

/**
 * Removes a deployment by name, started by {@link Hermit#destroy}: everything carrying its ownership marks
 * on the target, and nothing else. Needs no local state.
 */
public final class DestroyDefinition {
  private final String deployment;
  private EngineOptions options = EngineOptions.defaults();

  DestroyDefinition(String deployment) {
    this.deployment = Check.nameWithRoom("deployment.name", deployment, Names.LONGEST_SUFFIX);
  }

  public DestroyDefinition onProgress(ProgressListener listener) {
    options = EngineOptions.builder().from(options).listener(listener).build();
    return this;
  }

  public DestroyDefinition engineOptions(EngineOptions engineOptions) {
    options = Check.required("engineOptions", engineOptions);
    return this;
  }

  /** Deletes everything the deployment owns on {@code target}; returns what was deleted. */
  public Plan on(Target target) {
    return run(target, false);
  }

  /** What {@link #on} would delete; changes nothing. */
  public Plan planOn(Target target) {
    return run(target, true);
  }

  private Plan run(Target target, boolean dryRun) {
    return HermitException.wrap((dryRun ? "plan destroy of " : "destroy ") + deployment, () -> {
      try (Provider provider = target.connect()) {
        Engine engine = new Engine(options);
        return dryRun ? engine.planDestroy(deployment, target.describe(), provider)
            : engine.destroy(deployment, target.describe(), provider);
      }
    });
  }
}
