package dev.hermitcloud.provider;

/**
 * Long-running work the cloud accepted, as a value: poll it until it is done. Each poll is one cheap
 * read; the engine decides how often to poll, retries failed polls, and applies deadlines.
 */
public interface Operation {
  /** What the operation does, for events and errors. */
  String description();

  /** Asks the cloud how the operation is going. */
  OperationStatus poll() throws Exception;

  /** Work that finished within the call that started it. */
  static Operation completed(String description) {
    return new Operation() {
      @Override
      public String description() {
        return description;
      }

      @Override
      public OperationStatus poll() {
        return OperationStatus.done();
      }
    };
  }
}
