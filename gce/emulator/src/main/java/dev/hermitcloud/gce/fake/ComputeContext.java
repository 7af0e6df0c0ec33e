package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.time.Instant;
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
  private final RequestStats stats;
  private final GcsStore gcs;
  private final Set<String> projects;
  private final Networks networks;
  private final OrgPolicies orgPolicies;
  private final InstanceLauncher launcher = new InstanceLauncher(this);
  private final GroupController groups = new GroupController(this);
  private volatile String bootOutput;
  private volatile BootedInstances booted;

  /** @param projects the projects that exist; empty means every project exists */
  ComputeContext(ComputeStore store, OperationRunner runner, AddressPool addresses,
      RequestStats stats, GcsStore gcs, Set<String> projects, Networks networks, OrgPolicies orgPolicies,
      String bootOutput) {
    this.networks = networks;
    this.orgPolicies = orgPolicies;
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

  GroupController groups() {
    return groups;
  }

  InstanceLauncher launcher() {
    return launcher;
  }

  RequestIds requestIds() {
    return requestIds;
  }

  AddressPool addresses() {
    return addresses;
  }

  RequestStats stats() {
    return stats;
  }

  /** Boot mode's VMs, or null when instances are not booted. */
  BootedInstances booted() {
    return booted;
  }

  void booted(BootedInstances vms) {
    this.booted = vms;
  }

  OrgPolicies orgPolicies() {
    return orgPolicies;
  }

  Networks networks() {
    return networks;
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
      throw GoogleErrors.notFound("projects/" + project);
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

  /** The work of a mutating call, run with the store locked; returns the operation it started. */
  @FunctionalInterface
  interface Mutation {
    FakeOperation start();
  }

  /**
   * Runs a mutating call in {@code project}: with the store locked, a request id seen before gets the
   * original operation and nothing else happens; otherwise {@code mutation} runs and the operation it
   * starts is remembered under the id.
   */
  Reply mutate(Request request, String project, Mutation mutation) {
    String requestId = RequestIds.parse(request);
    synchronized (store) {
      Reply replay = replay(project, requestId);
      if (replay != null) {
        return replay;
      }
      return started(project, requestId, mutation.start());
    }
  }

  /**
   * Adds a resource under a free name (else 409 alreadyExists), stamped with its kind, id, creation
   * time and self link, and counts the creation. Call with the store locked.
   */
  StoredResource addNew(ResourceKey key, String kind, ObjectNode json, boolean visible) {
    if (store.find(key) != null) {
      throw GoogleErrors.alreadyExists(key.path());
    }
    long id = store.newId();
    json.put("kind", "compute#" + kind);
    GoogleJson.putInt64(json, "id", id);
    json.put("creationTimestamp", GoogleJson.computeTime(Instant.now()));
    json.put("selfLink", ResourceLinks.url(key.path()));
    StoredResource added = store.add(key, id, json, visible);
    stats.created(kind, key.name());
    return added;
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
      throw GoogleErrors.notFound(key.path());
    }
    return r;
  }

  /** Refuses to start a second operation on a resource that is still changing. */
  static void requireIdle(StoredResource r) {
    if (r.pendingOperation() != null) {
      throw GoogleErrors.notReady(r.key().path());
    }
  }
}
