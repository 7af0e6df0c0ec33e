package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One compute operation (zonal or global) and its PENDING -> RUNNING -> DONE life. */
final class FakeOperation {
  enum Status { PENDING, RUNNING, DONE }

  private final String project;
  private final String zone;
  private final String region;
  private final String name;
  private final long id;
  private final String type;
  private final String targetLink;
  private final long targetId;
  private final Instant insertTime = Instant.now();
  private final CountDownLatch done = new CountDownLatch(1);
  private Status status = Status.PENDING;
  private Instant startTime;
  private Instant endTime;
  private OperationError error;

  FakeOperation(
      String project, String zone, String region, String name, long id, String type, String targetLink,
      long targetId) {
    this.project = project;
    this.zone = zone;
    this.region = region;
    this.name = name;
    this.id = id;
    this.type = type;
    this.targetLink = targetLink;
    this.targetId = targetId;
  }

  String project() {
    return project;
  }

  /** Null for a global operation. */
  String zone() {
    return zone;
  }

  String name() {
    return name;
  }

  synchronized Status status() {
    return status;
  }

  synchronized OperationError error() {
    return error;
  }

  synchronized void markRunning() {
    if (status == Status.PENDING) {
      status = Status.RUNNING;
      startTime = Instant.now();
    }
  }

  synchronized void markDone(OperationError failure) {
    if (startTime == null) {
      startTime = Instant.now();
    }
    status = Status.DONE;
    endTime = Instant.now();
    error = failure;
    done.countDown();
  }

  /** Blocks until DONE or the timeout passes; true when DONE. */
  boolean awaitDone(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String selfLink() {
    String path = zone != null ? ResourceLinks.zonalPath(project, zone, "operations", name)
        : region != null ? ResourceLinks.regionalPath(project, region, "operations", name)
        : ResourceLinks.globalPath(project, "operations", name);
    return ResourceLinks.url(path);
  }

  synchronized ObjectNode toJson() {
    ObjectNode op = Json.object();
    op.put("kind", "compute#operation");
    GoogleJson.putInt64(op, "id", id);
    op.put("name", name);
    if (region != null) {
      op.put("region", ResourceLinks.regionUrl(project, region));
    }
    if (zone != null) {
      op.put("zone", ResourceLinks.zoneUrl(project, zone));
    }
    op.put("operationType", type);
    op.put("targetLink", targetLink);
    GoogleJson.putInt64(op, "targetId", targetId);
    op.put("status", status.name());
    op.put("user", "fake-user@example.com");
    op.put("progress", status == Status.DONE ? 100 : 0);
    op.put("insertTime", GoogleJson.computeTime(insertTime));
    if (startTime != null) {
      op.put("startTime", GoogleJson.computeTime(startTime));
    }
    if (endTime != null) {
      op.put("endTime", GoogleJson.computeTime(endTime));
    }
    op.put("selfLink", selfLink());
    if (error != null) {
      ObjectNode item = op.putObject("error").putArray("errors").addObject();
      item.put("code", error.code());
      item.put("message", error.message());
      if (error.httpErrorStatusCode() != null) {
        op.put("httpErrorStatusCode", error.httpErrorStatusCode());
        op.put("httpErrorMessage", error.httpErrorMessage());
      }
    }
    return op;
  }
}
