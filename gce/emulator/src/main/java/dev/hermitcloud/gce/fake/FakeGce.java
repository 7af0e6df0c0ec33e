package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.admin.AdminApi;
import dev.hermitcloud.emulator.app.AppStandIn;
import dev.hermitcloud.emulator.fault.FaultJson;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.http.EmulatorServer;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process fake of Google Compute Engine and Cloud Storage speaking their REST wire protocol
 * on 127.0.0.1, for the real {@code google-cloud-compute} and {@code google-cloud-storage}
 * clients. It validates requests as the services do, keeps state, runs operations that take time,
 * injects faults and counts what it sees.
 *
 * <pre>{@code
 * try (FakeGce fake = FakeGce.builder().project("p").bucket("b").start()) {
 *   ImagesClient images = ImagesClient.create(ImagesSettings.newBuilder()
 *       .setEndpoint(fake.endpoint())
 *       .setCredentialsProvider(NoCredentialsProvider.create()).build());
 *   fake.faults().add(FaultRule.on("POST", RouteTemplates.IMAGES).inject(GceFaults.backendError()));
 *   ...
 *   assertThat(fake.stats().duplicateCreations()).isEmpty();
 * }
 * }</pre>
 */
public final class FakeGce implements AutoCloseable {
  private final EmulatorServer server;
  private final RequestStats stats = new RequestStats();
  private final FaultPlan faults;
  private final ComputeStore store = new ComputeStore();
  private final GcsStore gcs = new GcsStore(stats);
  private final AppStandIn appStandIn;
  private final OperationRunner runner;
  private final OperationsHandler operations;
  private final ComputeContext compute;
  private final AddressPool addresses;
  private final Map<String, String> initialBuckets;

  private FakeGce(Builder b) throws IOException {
    this.faults = new FaultPlan(b.faultSeed);
    this.appStandIn = new AppStandIn("fake-gce", () -> Reachability.open(store), b.appStandIn && !b.boot);
    this.runner = new OperationRunner(store, b.operationDuration, this::reconcileApps);
    this.addresses = new AddressPool(b.firstExternalAddress);
    Networks networks = new Networks(b.defaultNetwork);
    b.customNetworks.forEach(networks::addCustom);
    b.subnetworks.forEach(s -> networks.addSubnetwork(s[0], s[1], s[2]));
    this.compute = new ComputeContext(store, runner, addresses, stats, gcs, b.projects, networks,
        new OrgPolicies(Set.copyOf(b.orgPolicies)), b.bootOutput);
    if (b.boot) {
      compute.booted(new BootedInstances(store));
    }
    runner.afterChange(compute.groups()::reconcileAll);
    this.operations = new OperationsHandler(compute, b.operationWaitLimit);
    this.initialBuckets = new LinkedHashMap<>(b.buckets);
    initialBuckets.forEach((name, project) -> gcs.createBucket(name, project, "US", false));
    b.objectRolesOnly.forEach(gcs::objectRolesOnly);
    Router router = new Router();
    new ImagesHandler(compute).register(router);
    new InstancesHandler(compute).register(router);
    new FirewallsHandler(compute).register(router);
    new HealthChecksHandler(compute).register(router);
    new InstanceTemplatesHandler(compute).register(router);
    new InstanceGroupManagersHandler(compute, false).register(router);
    new InstanceGroupManagersHandler(compute, true).register(router);
    new AutoscalersHandler(compute, false).register(router);
    new AutoscalersHandler(compute, true).register(router);
    new MachineTypesHandler(compute).register(router);
    new NetworksHandler(compute).register(router);
    operations.register(router);
    new BucketsHandler(gcs).register(router);
    new ObjectsHandler(gcs).register(router);
    new UploadsHandler(gcs).register(router);
    try {
      this.server = EmulatorServer.builder("fake-gce", new GoogleDialect(stats)).routes(router)
          .admin(admin().router()).stats(stats).faults(faults).latency(b.latency).port(b.port)
          .start();
    } catch (UncheckedIOException e) {
      runner.close();
      appStandIn.close();
      throw e.getCause();
    }
  }

  /**
   * The kit's {@code /_fake/} API (see {@link AdminApi}; faults also take {@link GceFaults}' kinds)
   * plus {@code POST serial} ({@code {"project","zone","instance","text"}}) and {@code POST
   * buckets} ({@code {"name","project"}}); {@code POST reset} with {@code {"state": true}} drops
   * every resource.
   */
  private AdminApi admin() {
    return new AdminApi(stats, faults, new FaultJson(GceFaults.JSON_KINDS))
        .statsExtra(json -> {
          ObjectNode resources = json.putObject("resources");
          resourceCounts().forEach(resources::put);
        })
        .onDropState(this::dropState)
        .appStandIn(this::appStandIn)
        .route("POST", "serial", r -> {
          JsonNode json = AdminApi.body(r);
          appendSerialOutput(json.path("project").asText(), json.path("zone").asText(),
              json.path("instance").asText(), json.path("text").asText());
          return Reply.empty(204);
        })
        .route("POST", "buckets", r -> {
          JsonNode json = AdminApi.body(r);
          addBucket(json.path("project").asText("fake-project"), json.path("name").asText());
          return Reply.empty(204);
        });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}: for {@code setEndpoint} (compute) and {@code setHost} (GCS). */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.port();
  }

  /** The fault plan; add rules at any time. */
  public FaultPlan faults() {
    return faults;
  }

  public RequestStats stats() {
    return stats;
  }

  /** How long operations started from now on take (PENDING -> RUNNING -> DONE). */
  public void operationDuration(Duration duration) {
    runner.defaultDuration(duration);
  }

  public Duration operationDuration() {
    return runner.defaultDuration();
  }

  /**
   * Finishes every running operation now, as if its time had passed, and those they start (a group
   * manager's instances); then moves the clock one step for what was waiting on it (a health probe, an
   * autohealing repair). With a long or zero {@link #operationDuration(Duration)} this is the only clock,
   * so a test calls it until what it waits for holds: a manager converges in a few calls.
   */
  public void finishOperationsNow() {
    runner.finishAll();
  }

  /** How long {@code POST .../operations/{op}/wait} blocks at most. */
  public void operationWaitLimit(Duration limit) {
    operations.maxWait(limit);
  }

  /** Turns the app stand-in (an HTTP answer on natIP:port where the firewall allows) on or off. */
  public void appStandIn(boolean enabled) {
    appStandIn.enabled(enabled);
  }

  public boolean appStandIn() {
    return appStandIn.enabled();
  }

  /** Where the app stand-in listens now, as {@code "ip:port"}. */
  public Set<String> appStandInListeners() {
    appStandIn.reconcile();
    return appStandIn.endpoints();
  }

  /** Listeners the app stand-in could not open (address or port already in use). */
  public List<String> appStandInFailures() {
    return appStandIn.failures();
  }

  /** Text an instance reaching RUNNING writes to its serial port (null for none). */
  public void bootOutput(String text) {
    compute.bootOutput(text);
  }

  /** Appends to an instance's serial port 1 output. */
  public void appendSerialOutput(String project, String zone, String instance, String text) {
    synchronized (store) {
      StoredResource r = store.visible(
          ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, instance));
      if (r == null) {
        throw new IllegalArgumentException("no instance " + project + "/" + zone + "/" + instance);
      }
      r.serial().append(text);
    }
  }

  /**
   * The guest powered itself off (or the VM was preempted): the instance is TERMINATED, as on GCE, and its
   * serial port can no longer be read.
   */
  public void terminate(String project, String zone, String instance) {
    synchronized (store) {
      StoredResource r = store.visible(ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, instance));
      if (r == null) {
        throw new IllegalArgumentException("no instance " + project + "/" + zone + "/" + instance);
      }
      r.status("TERMINATED");
    }
  }

  /** Adds a bucket (not counted as a creation). */
  public void addBucket(String project, String name) {
    gcs.createBucket(name, project, "US", false);
  }

  /** Stores an object as if uploaded earlier (not counted as a creation). */
  public FakeObject putObject(String bucket, String name, byte[] data) {
    return gcs.put(bucket, name, data.clone(), "application/octet-stream", Map.of(), null, false);
  }

  /** Adds a READY image directly, as if imported earlier (not counted as a creation). */
  public FakeResource addReadyImage(String project, String name, String family, long diskSizeGb) {
    synchronized (store) {
      ResourceKey key = ResourceKey.global(ComputeKind.IMAGE, project, name);
      long id = store.newId();
      ObjectNode json = Json.object();
      json.put("kind", "compute#image");
      GoogleJson.putInt64(json, "id", id);
      json.put("creationTimestamp", GoogleJson.computeTime(Instant.now()));
      json.put("name", name);
      if (family != null) {
        json.put("family", family);
      }
      json.put("selfLink", ResourceLinks.url(key.path()));
      json.put("sourceType", "RAW");
      json.put("status", "READY");
      GoogleJson.putInt64(json, "diskSizeGb", diskSizeGb);
      json.put("labelFingerprint", Fingerprints.EMPTY);
      return store.add(key, id, json, true).snapshot();
    }
  }

  public List<String> buckets() {
    return gcs.bucketNames();
  }

  public Optional<FakeObject> object(String bucket, String name) {
    return Optional.ofNullable(gcs.object(bucket, name));
  }

  public List<FakeObject> objects(String bucket) {
    return gcs.list(bucket, null);
  }

  public List<FakeResource> images(String project) {
    return snapshots(ComputeKind.IMAGE, project);
  }

  /** Instances of the project in every zone. */
  public List<FakeResource> instances(String project) {
    return snapshots(ComputeKind.INSTANCE, project);
  }

  public List<FakeResource> firewalls(String project) {
    return snapshots(ComputeKind.FIREWALL, project);
  }

  public List<FakeResource> healthChecks(String project) {
    return snapshots(ComputeKind.HEALTH_CHECK, project);
  }

  public List<FakeResource> instanceTemplates(String project) {
    return snapshots(ComputeKind.INSTANCE_TEMPLATE, project);
  }

  /** Zonal instance group managers of the project in every zone. */
  public List<FakeResource> instanceGroupManagers(String project) {
    return snapshots(ComputeKind.INSTANCE_GROUP_MANAGER, project);
  }

  /** Regional instance group managers of the project in every region. */
  public List<FakeResource> regionInstanceGroupManagers(String project) {
    return snapshots(ComputeKind.REGION_INSTANCE_GROUP_MANAGER, project);
  }

  public List<FakeResource> autoscalers(String project) {
    return snapshots(ComputeKind.AUTOSCALER, project);
  }

  public List<FakeResource> regionAutoscalers(String project) {
    return snapshots(ComputeKind.REGION_AUTOSCALER, project);
  }

  public Optional<FakeResource> instanceGroupManager(String project, String zone, String name) {
    return snapshot(ResourceKey.zonal(ComputeKind.INSTANCE_GROUP_MANAGER, project, zone, name));
  }

  /**
   * Makes the app on the template's instances fail (or pass again) their managers' health probes, as a
   * new version whose app does not answer would: its members turn UNHEALTHY and are recreated, and a
   * rolling update to it stalls.
   */
  public void unhealthyTemplate(String project, String template, boolean unhealthy) {
    synchronized (store) {
      compute.groups().appAnswers(
          ResourceLinks.url(ResourceLinks.globalPath(project, "instanceTemplates", template)), !unhealthy);
    }
  }

  public Optional<FakeResource> image(String project, String name) {
    return snapshot(ResourceKey.global(ComputeKind.IMAGE, project, name));
  }

  public Optional<FakeResource> instance(String project, String zone, String name) {
    return snapshot(ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, name));
  }

  public Optional<FakeResource> firewall(String project, String name) {
    return snapshot(ResourceKey.global(ComputeKind.FIREWALL, project, name));
  }

  /**
   * Live resources by kind: image, instance, firewall, healthCheck, instanceTemplate,
   * instanceGroupManager, autoscaler, bucket, object.
   */
  public Map<String, Integer> resourceCounts() {
    Map<String, Integer> out = new LinkedHashMap<>();
    synchronized (store) {
      for (ComputeKind kind : ComputeKind.values()) {
        out.put(kind.label(), store.all(kind).size());
      }
    }
    out.put("bucket", gcs.bucketNames().size());
    out.put("object", gcs.objectCount());
    return out;
  }

  /** Zeroes request counters and removes all faults; {@code dropState} also empties the clouds. */
  public void reset(boolean dropState) {
    stats.reset();
    faults.clear();
    if (dropState) {
      dropState();
    }
  }

  private void dropState() {
    synchronized (store) {
      store.clear();
      compute.groups().clear();
      runner.dropTimers();
      compute.requestIds().clear();
      addresses.clear();
    }
    gcs.clear();
    initialBuckets.forEach((name, project) -> gcs.createBucket(name, project, "US", false));
    appStandIn.reconcile();
  }

  private List<FakeResource> snapshots(ComputeKind kind, String project) {
    List<FakeResource> out = new ArrayList<>();
    synchronized (store) {
      store.list(kind, project, null).forEach(r -> out.add(r.snapshot()));
    }
    return out;
  }

  private Optional<FakeResource> snapshot(ResourceKey key) {
    synchronized (store) {
      return Optional.ofNullable(store.visible(key)).map(StoredResource::snapshot);
    }
  }

  @Override
  public void close() {
    server.close();
    runner.close();
    appStandIn.close();
    if (compute.booted() != null) {
      compute.booted().close();
    }
  }

  /** After every change: the stand-in's listeners, or in boot mode the VMs' forwards. */
  private void reconcileApps() {
    appStandIn.reconcile();
    if (compute != null && compute.booted() != null) {
      compute.booted().forward();
    }
  }

  /** In boot mode, the instances whose VM runs now (by name); empty otherwise. */
  public List<String> runningVms() {
    return compute.booted() == null ? List.of() : compute.booted().fleet().running();
  }

  /** In boot mode, the PID of the instance's QEMU process (-1 without one), for tests that end it as a crash would. */
  public long vmPid(String instance) {
    return compute.booted() == null ? -1 : compute.booted().fleet().pid(instance);
  }

  /** Whether instances run as VMs ({@link Builder#boot}). */
  public boolean boot() {
    return compute.booted() != null;
  }

  /** Configures a {@link FakeGce}; every setting has a default. */
  public static final class Builder {
    private int port;
    private final Set<String> projects = new LinkedHashSet<>();
    private final Map<String, String> buckets = new LinkedHashMap<>();
    private Duration operationDuration = Duration.ofMillis(100);
    private Duration operationWaitLimit = Duration.ofSeconds(120);
    private Duration latency = Duration.ZERO;
    private boolean appStandIn;
    private String firstExternalAddress = "127.0.0.2";
    private String bootOutput;
    private long faultSeed;
    private boolean defaultNetwork = true;
    private boolean boot;
    private final List<String> objectRolesOnly = new ArrayList<>();
    private final List<String> orgPolicies = new ArrayList<>();
    private final List<String> customNetworks = new ArrayList<>();
    private final List<String[]> subnetworks = new ArrayList<>();

    private Builder() {}

    /** The port to listen on; 0 (default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A project that exists; with none configured, every project exists. */
    public Builder project(String project) {
      projects.add(project);
      return this;
    }

    /** A bucket that exists at start (and after a state reset), owned by the first project. */
    public Builder bucket(String name) {
      buckets.put(name, projects.isEmpty() ? "fake-project" : projects.iterator().next());
      return this;
    }

    /** How long operations take (default 100 ms; zero answers inserts already DONE). */
    public Builder operationDuration(Duration duration) {
      this.operationDuration = duration;
      return this;
    }

    /** How long {@code .../wait} blocks at most (default 2 minutes, as GCE). */
    public Builder operationWaitLimit(Duration limit) {
      this.operationWaitLimit = limit;
      return this;
    }

    /** Latency added to every request (not to {@code /_fake/} calls; kept across resets). */
    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    public Builder appStandIn(boolean enabled) {
      this.appStandIn = enabled;
      return this;
    }

    /** The first external address handed out (default 127.0.0.2); must be in 127.0.0.0/8. */
    public Builder firstExternalAddress(String address) {
      if (!address.startsWith("127.")) {
        throw new IllegalArgumentException("external addresses must be loopback: " + address);
      }
      this.firstExternalAddress = address;
      return this;
    }

    /** Serial output an instance writes when it reaches RUNNING. */
    public Builder bootOutput(String text) {
      this.bootOutput = text;
      return this;
    }

    /** Seeds the random behind probabilistic fault rules (default 0). */
    public Builder faultSeed(long seed) {
      this.faultSeed = seed;
      return this;
    }

    /** Starts the server. */
    /**
     * The caller holds only {@code role} on {@code bucket}: {@code roles/storage.objectAdmin} or
     * {@code roles/storage.objectUser}, which grant {@code storage.objects.*} but not {@code storage.buckets.get}
     * (https://cloud.google.com/storage/docs/access-control/iam-roles), so a bucket GET answers 403.
     */
    public Builder bucketRole(String bucket, String role) {
      if (!role.equals("roles/storage.objectAdmin") && !role.equals("roles/storage.objectUser")) {
        throw new IllegalArgumentException("the fake knows roles/storage.objectAdmin and roles/storage.objectUser, not " + role);
      }
      objectRolesOnly.add(bucket);
      return this;
    }

    /**
     * Enforces an organisation policy constraint: {@code compute.requireShieldedVm} or
     * {@code compute.vmExternalIpAccess} (no external address allowed).
     */
    public Builder orgPolicy(String constraint) {
      if (!OrgPolicies.KNOWN.contains(constraint)) {
        throw new IllegalArgumentException("the fake enforces " + OrgPolicies.KNOWN + ", not " + constraint);
      }
      orgPolicies.add(constraint);
      return this;
    }

    /**
     * Boot mode: each instance runs as a QEMU VM (TCG) from the {@code disk.raw} of the archive its image
     * was imported from, with its serial port, its status following the VM, and only the ports the
     * firewalls allow from 127.0.0.1 forwarded to its address. Replaces the app stand-in. Needs
     * qemu-system-x86_64 and tar.
     */
    public Builder boot(boolean on) {
      this.boot = on;
      return this;
    }

    /** Projects without the {@code default} network, as organisation policies make them. */
    public Builder noDefaultNetwork() {
      this.defaultNetwork = false;
      return this;
    }

    /** Adds a custom-mode VPC network (no subnetworks of its own: add them with {@link #subnetwork}). */
    public Builder customNetwork(String name) {
      customNetworks.add(name);
      return this;
    }

    /** Adds a subnetwork of {@code network} in {@code region}. */
    public Builder subnetwork(String network, String region, String name) {
      subnetworks.add(new String[] {network, region, name});
      return this;
    }

    public FakeGce start() throws IOException {
      return new FakeGce(this);
    }
  }
}
