package dev.hermitcloud.gce.fake;

import java.util.Set;

/**
 * What the compute handlers share: state, operations, request ids, addresses, stats, the GCS store
 * (image imports read from it) and which projects exist.
 */
final class ComputeContext {
  private final ComputeStore store;
  private final OperationRunner runner;
  private final RequestIds requestIds = new RequestIds();
  private final AddressPool addresses;
  private final FakeStats stats;
  private final GcsStore gcs;
  private final Set<String> projects;
  private volatile String bootOutput;

  /** @param projects the projects that exist; empty means every project exists */
  ComputeContext(ComputeStore store, OperationRunner runner, AddressPool addresses,
      FakeStats stats, GcsStore gcs, Set<String> projects, String bootOutput) {
    this.store = store;
    this.runner = runner;
    this.addresses = addresses;
    this.stats = stats;
    this.gcs = gcs;
    this.projects = Set.copyOf(projects);
    this.bootOutput = bootOutput;
  }

  ComputeStore store() {
    return store;
  }

  OperationRunner runner() {
    return runner;
  }

  RequestIds requestIds() {
    return requestIds;
  }

  AddressPool addresses() {
    return addresses;
  }

  FakeStats stats() {
    return stats;
  }

  GcsStore gcs() {
    return gcs;
  }

  /** Text written to an instance's serial port when it reaches RUNNING (null for none). */
  String bootOutput() {
    return bootOutput;
  }

  void bootOutput(String text) {
    this.bootOutput = text;
  }

  /** The project, or a 404 when the fake was configured with projects and this is not one. */
  String requireProject(String project) {
    if (!projects.isEmpty() && !projects.contains(project)) {
      throw GoogleApiError.notFound("projects/" + project);
    }
    return project;
  }

  /**
   * The original operation's reply when {@code requestId} was seen before in this project, else
   * null. Call with the store locked.
   */
  Reply replay(String project, String requestId) {
    FakeOperation earlier = requestIds.find(project, requestId);
    return earlier == null ? null : Reply.ok(earlier.toJson());
  }

  /** Records the operation under its request id and answers it. Call with the store locked. */
  Reply started(String project, String requestId, FakeOperation op) {
    requestIds.remember(project, requestId, op);
    return Reply.ok(op.toJson());
  }

  /** The resource GET can see, or a 404 naming it. */
  StoredResource requireVisible(ResourceKey key) {
    StoredResource r = store.visible(key);
    if (r == null) {
      throw GoogleApiError.notFound(key.path());
    }
    return r;
  }

  /** Refuses to start a second operation on a resource that is still changing. */
  static void requireIdle(StoredResource r) {
    if (r.pendingOperation() != null) {
      throw GoogleApiError.notReady(r.key().path());
    }
  }
}
