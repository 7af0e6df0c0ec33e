package dev.hermitcloud.internal.engine;

/**
 * Implemented by the fluent definitions so that tests can run them on an {@link EngineRuntime} of their
 * own (the test kit's {@code TestRuntime} does the cast). Not API: it is not on the public interfaces.
 */
public interface RuntimeOverride {
  void runtime(EngineRuntime runtime);
}
