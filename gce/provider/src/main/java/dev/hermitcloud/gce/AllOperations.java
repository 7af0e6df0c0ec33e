package dev.hermitcloud.gce;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Several operations that make one step (the firewalls of one deployment): done when all are, failed
 * as soon as one fails. Operations already done are not polled again.
 */
final class AllOperations implements Operation {
  private final String description;
  private final List<Operation> pending;

  private AllOperations(String description, List<Operation> parts) {
    this.description = description;
    this.pending = new ArrayList<>(parts);
  }

  /** The single operation itself, a completed one for none, else one that waits for all. */
  static Operation of(String description, List<Operation> parts) {
    if (parts.isEmpty()) {
      return Operation.completed(description);
    }
    return parts.size() == 1 ? parts.get(0) : new AllOperations(description, parts);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public synchronized OperationStatus poll() throws Exception {
    String running = null;
    for (Operation part : List.copyOf(pending)) {
      OperationStatus status = part.poll();
      if (status instanceof OperationStatus.Failed failed) {
        return OperationStatus.failed(part.description() + ": " + failed.message());
      }
      if (status instanceof OperationStatus.Running r) {
        running = running == null ? r.detail() : running;
      } else {
        pending.remove(part);
      }
    }
    return running == null ? OperationStatus.done() : OperationStatus.running(running);
  }
}
