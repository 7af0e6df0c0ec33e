package dev.hermitcloud;

import dev.hermitcloud.internal.engine.Engine;
import dev.hermitcloud.internal.engine.EngineSettings;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.LockLease;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.resource.Names;
import java.util.Optional;

/** The object behind {@link UnlockDefinition}. */
final class UnlockBuilder implements UnlockDefinition {
  private final String deployment;
  private final EngineSettings settings = new EngineSettings();

  UnlockBuilder(String deployment) {
    this.deployment = Check.nameWithRoom("deployment.name", deployment, Names.LONGEST_SUFFIX);
  }

  @Override
  public UnlockDefinition onProgress(ProgressListener listener) {
    settings.listener(listener);
    return this;
  }

  @Override
  public Optional<LockLease> on(Target target) {
    return HermitException.wrap("unlock " + deployment, () -> {
      try (Provider provider = target.connect()) {
        return new Engine(settings).unlock(deployment, provider);
      }
    });
  }
}
