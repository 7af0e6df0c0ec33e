package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.Errors;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.OperationStatus;
import java.util.stream.Collectors;

/**
 * A Compute Engine operation the engine polls: each {@link #poll()} is one GET of the zonal, regional or global
 * operation, and an operation the insert already answered DONE is not fetched again. A DONE operation
 * with an {@code error} is a failure even when it carries no {@code httpErrorStatusCode} (the client's
 * own {@code get()} would report success then).
 */
final class GceOperation implements Operation {
  /** Fetches the operation by name: one GET. */
  @FunctionalInterface
  interface Fetch {
    com.google.cloud.compute.v1.Operation get(String operationName) throws Exception;
  }

  private final String description;
  private final Fetch fetch;
  private volatile com.google.cloud.compute.v1.Operation last;

  GceOperation(String description, com.google.cloud.compute.v1.Operation started, Fetch fetch) {
    this.description = description;
    this.last = started;
    this.fetch = fetch;
  }

  static GceOperation global(GceClients clients, String project, String description,
      com.google.cloud.compute.v1.Operation started) {
    return new GceOperation(description, started, name -> clients.globalOperations.get(project, name));
  }

  static GceOperation zonal(GceClients clients, String project, String zone, String description,
      com.google.cloud.compute.v1.Operation started) {
    return new GceOperation(description, started, name -> clients.zoneOperations.get(project, zone, name));
  }

  static GceOperation regional(GceClients clients, String project, String region, String description,
      com.google.cloud.compute.v1.Operation started) {
    return new GceOperation(description, started, name -> clients.regionOperations.get(project, region, name));
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public OperationStatus poll() throws Exception {
    if (last.getStatus() != com.google.cloud.compute.v1.Operation.Status.DONE) {
      last = fetch.get(last.getName());
    }
    return status(last);
  }

  static OperationStatus status(com.google.cloud.compute.v1.Operation op) {
    if (op.getStatus() != com.google.cloud.compute.v1.Operation.Status.DONE) {
      return OperationStatus.running(op.getStatus().name() + (op.hasProgress() ? " " + op.getProgress() + "%" : ""));
    }
    if (op.hasError() && op.getError().getErrorsCount() > 0) {
      return OperationStatus.failed(describe(op.getError()));
    }
    if (op.hasHttpErrorStatusCode() && op.getHttpErrorStatusCode() >= 400) {
      return OperationStatus.failed("HTTP " + op.getHttpErrorStatusCode() + ": " + op.getHttpErrorMessage());
    }
    return OperationStatus.done();
  }

  private static String describe(com.google.cloud.compute.v1.Error error) {
    return error.getErrorsList().stream().map(GceOperation::describe).collect(Collectors.joining("; "));
  }

  private static String describe(Errors item) {
    return item.getCode() + ": " + item.getMessage();
  }
}
