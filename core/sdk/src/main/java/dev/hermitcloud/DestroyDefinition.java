package dev.hermitcloud;

import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.retry.RetryPolicy;

/**
 * Removes a deployment by name, started by {@link Hermit#destroy}: everything carrying its ownership marks
 * on the target, and nothing else. Needs no local state.
 *
 * <pre>{@code
 * Plan gone = Hermit.destroy("echo-server").onProgress(Progress.console()).on(Gce.project("p").zone("z").bucket("b"));
 * }</pre>
 */
public interface DestroyDefinition {
  /** Where progress events go; none by default. */
  DestroyDefinition onProgress(ProgressListener listener);

  /** How cloud calls are retried; {@link RetryPolicy#defaults()} by default. */
  DestroyDefinition retry(RetryPolicy policy);

  /**
   * How long destroy waits while an apply of this deployment holds its lock (30 minutes by default);
   * {@code Duration.ZERO} fails at once with a {@link DeploymentLockedException} naming the holder.
   */
  DestroyDefinition lockTimeout(java.time.Duration timeout);

  /** Parallelism, polling and per-kind deadlines. */
  DestroyDefinition engineOptions(EngineOptions options);

  /** Deletes everything the deployment owns on {@code target}; returns what was deleted. */
  Plan on(Target target);

  /** What {@link #on} would delete; changes nothing. */
  Plan planOn(Target target);
}
