package dev.hermitcloud.internal.engine;

import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.progress.ProgressListener;
import dev.hermitcloud.retry.RetryPolicy;
import dev.hermitcloud.internal.validation.Check;
import java.time.Duration;

/**
 * Everything one engine run is configured with, gathered by a definition's setters: each setter sets one
 * part, so none of them undoes another. Not API.
 */
public final class EngineSettings {
  private EngineOptions options = EngineOptions.defaults();
  private ProgressListener listener = ProgressListener.none();
  private RetryPolicy retry = RetryPolicy.defaults();
  private EngineRuntime runtime = EngineRuntime.system();
  private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

  /** How long apply and destroy wait for another writer's lock unless told otherwise. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(30);

  public void options(EngineOptions options) {
    this.options = Check.required("engineOptions", options);
  }

  public void listener(ProgressListener listener) {
    this.listener = Check.required("listener", listener);
  }

  public void retry(RetryPolicy retry) {
    this.retry = Check.required("retry", retry);
  }

  public void runtime(EngineRuntime runtime) {
    this.runtime = Check.required("runtime", runtime);
  }

  /** How long to wait for the deployment's lock; zero fails at once when it is held. */
  public void lockTimeout(Duration timeout) {
    Check.required("lockTimeout", timeout);
    if (timeout.isNegative()) {
      throw new dev.hermitcloud.InvalidSpecException("lockTimeout", timeout, "must be zero (do not wait) or positive");
    }
    this.lockTimeout = timeout;
  }

  public Duration lockTimeout() {
    return lockTimeout;
  }

  public EngineOptions options() {
    return options;
  }

  public ProgressListener listener() {
    return listener;
  }

  public RetryPolicy retry() {
    return retry;
  }

  public EngineRuntime runtime() {
    return runtime;
  }
}
