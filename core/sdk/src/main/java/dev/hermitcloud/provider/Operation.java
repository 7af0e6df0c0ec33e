package dev.hermitcloud.provider;

/**
 * Long-running work the cloud accepted, as a value: poll it until it is done. Each poll only reads (one
 * cheap call, or a few): it never changes the cloud, so the engine can poll as often as it likes, retry a
 * failed poll, and give up at the kind's deadline without leaving anything half-changed.
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
