package dev.hermitcloud.openstack.fake;

import dev.hermitcloud.emulator.app.AppStandIn;
import dev.hermitcloud.emulator.fault.FaultPlan;
import dev.hermitcloud.emulator.http.EmulatorServer;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.net.Cidr;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An in-process OpenStack (Keystone v3, Glance v2, Nova 2.1, Neutron 2.0) that speaks the real
 * REST protocol on 127.0.0.1, for driving the real openstack4j client in tests.
 *
 * <pre>{@code
 * try (FakeOpenStack cloud = FakeOpenStack.builder().appStandIn(true).start()) {
 *   OSClientV3 os = OSFactory.builderV3().endpoint(cloud.authUrl())
 *       .credentials(cloud.user(), cloud.password(), Identifier.byName(cloud.domain()))
 *       .scopeToProject(Identifier.byName(cloud.project()), Identifier.byName(cloud.domain()))
 *       .authenticate();
 *   cloud.faults().add(FaultRule.on("POST /compute/v2.1/servers").inject(Fault.httpError(429).retryAfter(1)));
 *   ...
 *   assertThat(cloud.creationCount("server", "echo")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Services live under {@code /v3}, {@code /image}, {@code /compute/v2.1} and {@code
 * /network}; the fake's own HTTP controls under {@code /_fake} ({@link OpenStackAdmin}).
 */
public final class FakeOpenStack implements AutoCloseable {
  private final FakeOpenStackBuilder config;
  private final RequestStats stats = new RequestStats();
  private final CloudState state = new CloudState(stats);
  private final TokenStore tokens;
  private final FaultPlan faults;
  private final CloudFailures failures;
  private final Timings timings;
  private final AppStandIn appStandIn;
  private final Transitions transitions;
  private final NovaServerApi servers;
  private final BootedServers booted;
  private final EmulatorServer http;

  FakeOpenStack(FakeOpenStackBuilder config) {
    this.config = config;
    state.pageMaximum = config.pageMaximum;
    this.tokens = new TokenStore(config.tokenLifetime);
    this.faults = new FaultPlan(config.seed);
    this.failures = new CloudFailures(tokens);
    this.timings = new Timings(config.build, config.save, config.delete);
    this.appStandIn = new AppStandIn("fake-openstack",
        new AppReachability(state, config.appPorts)::open, config.appStandIn && !config.boot);
    this.booted = config.boot ? bootedServers(config) : null;
    this.transitions = new Transitions(this::reconcileApps);
    IdentityStore identity = identity(config);
    seed(identity.projects.get(0).id());

    Router router = new Router();
    new KeystoneApi(identity, tokens).register(router);
    new GlanceApi(state).register(router);
    new GlanceUpload(state, transitions, timings, failures, booted).register(router);
    NovaFlavorApi flavors = new NovaFlavorApi(FakeFlavor.DEFAULTS);
    flavors.register(router);
    servers = new NovaServerApi(state, flavors, config.keypairs, transitions, timings, failures, booted);
    servers.register(router);
    new NovaServerGroupApi(state).register(router);
    new NeutronNetworkApi(state).register(router);
    new NeutronSecurityGroupApi(state).register(router);
    new NeutronFloatingIpApi(state).register(router);

    try {
      http = EmulatorServer.builder("fake-openstack", new OpenStackDialect(tokens)).routes(router)
          .admin(OpenStackAdmin.create(this, stats).router()).stats(stats).faults(faults)
          .latency(config.latency).afterChange(this::reconcileApps).threads(config.threads)
          .trace(config.trace ? System.err : null).port(config.port).start();
    } catch (RuntimeException e) {
      transitions.close();
      appStandIn.close();
      if (booted != null) {
        booted.close();
      }
      throw e;
    }
  }

  private BootedServers bootedServers(FakeOpenStackBuilder config) {
    try {
      return new BootedServers(state, config.appPorts);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** After every change: the stand-in's listeners, or in boot mode the VMs' forwards. */
  private void reconcileApps() {
    appStandIn.reconcile();
    if (booted != null) {
      booted.forward();
    }
  }

  public static FakeOpenStackBuilder builder() {
    return new FakeOpenStackBuilder();
  }

  /** Starts a fake with every default. */
  public static FakeOpenStack start() {
    return builder().start();
  }

  private static IdentityStore identity(FakeOpenStackBuilder config) {
    List<FakeUser> users = config.users.stream()
        .map(u -> new FakeUser(Ids.stableHex("user-" + u.name()), u.name(), u.domain(),
            u.password()))
        .toList();
    List<FakeProject> projects = config.projects.stream()
        .map(p -> new FakeProject(Ids.stableHex("project-" + p), p, Domains.DEFAULT))
        .toList();
    List<FakeApplicationCredential> credentials = config.credentials.stream()
        .map(c -> new FakeApplicationCredential(c.id(), c.name(), c.secret(), users.get(0),
            projects.get(0)))
        .toList();
    return new IdentityStore(users, projects, credentials);
  }

  /** The networks and the project's {@code default} security group that exist from the start. */
  private void seed(String projectId) {
    synchronized (state) {
      for (FakeOpenStackBuilder.NetworkSpec n : config.networks) {
        Cidr cidr = Cidr.tryParse(n.cidr()).orElse(null);
        if (cidr == null || cidr.isIpv6()) {
          throw new IllegalArgumentException("not an IPv4 prefix: " + n.cidr());
        }
        FakeNetwork network = new FakeNetwork(n.name(), cidr, n.external(),
            n.external() ? Ids.stableHex("project-admin") : projectId, Instant.now());
        state.networks.put(network.id, network);
      }
      NeutronSecurityGroupApi.addGroup(state, "default", "Default security group", projectId);
    }
  }

  /** The port the fake listens on, on 127.0.0.1. */
  public int port() {
    return http.port();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Keystone's URL for clients: {@code http://127.0.0.1:PORT/v3}. */
  public String authUrl() {
    return baseUrl() + "/v3";
  }

  /** The first (default) user's name. */
  public String user() {
    return config.users.get(0).name();
  }

  /** The first (default) user's password. */
  public String password() {
    return config.users.get(0).password();
  }

  /** The first (default) project's name. */
  public String project() {
    return config.projects.get(0);
  }

  /** The domain of the default user and of every project: {@code Default}. */
  public String domain() {
    return Domains.DEFAULT;
  }

  /** The request fault rules; add {@link dev.hermitcloud.emulator.fault.FaultRule}s at any time. */
  public FaultPlan faults() {
    return faults;
  }

  /** Cloud-side failures: tokens expiring, the next server failing, the next upload killed. */
  public CloudFailures failures() {
    return failures;
  }

  /** Latency added to every API call from now on. */
  public void latency(Duration perCall) {
    http.latency(perCall);
  }

  /** Every counter, for tools ({@code GET /_fake/stats} shows the same). */
  public RequestStats stats() {
    return stats;
  }

  public Timings timings() {
    return timings;
  }

  /** Calls so far by {@code METHOD /template}, e.g. {@code POST /compute/v2.1/servers}. */
  public Map<String, Integer> requestCounts() {
    Map<String, Integer> out = new TreeMap<>();
    stats.requestsByRoute().forEach((k, v) -> out.put(k, v.intValue()));
    stats.unknownRequests().forEach((k, v) -> out.merge(k, v.intValue(), Integer::sum));
    return out;
  }

  public int requestCount(String methodAndTemplate) {
    return (int) stats.requests(methodAndTemplate);
  }

  /**
   * Calls so far that may change state: POST, PUT, PATCH and DELETE to the cloud APIs, except
   * Keystone token requests and console-output reads. Failed and faulted calls count too.
   */
  public int mutatingRequestCount() {
    return (int) stats.mutatingRequests();
  }

  /** Zeroes the request counters (not the creation counts, which span the fake's life). */
  public void resetCounters() {
    stats.reset();
  }

  /**
   * Successful creations through the API over the fake's life, keyed {@code kind/name}: {@code
   * image/NAME}, {@code server/NAME}, {@code security_group/NAME}, {@code
   * security_group_rule/GROUP DIRECTION ETHERTYPE PROTOCOL MIN-MAX PREFIX}, {@code
   * floating_ip/SERVER} (or {@code floating_ip/-} without a port).
   */
  public Map<String, Integer> creations() {
    return stats.creations();
  }

  public int creationCount(String kind, String name) {
    return creations().getOrDefault(kind + "/" + name, 0);
  }

  public List<FakeResource> images() {
    return snapshot(s -> s.images.values().stream()
        .map(i -> new FakeResource("image", i.id, i.name, i.status, i.toJson())).toList());
  }

  public List<FakeResource> servers() {
    return snapshot(s -> s.servers.values().stream()
        .map(v -> new FakeResource("server", v.id, v.name, v.status,
            ServerJson.detail(v, s, baseUrl())))
        .toList());
  }

  public List<FakeResource> securityGroups() {
    return snapshot(s -> s.securityGroups.values().stream()
        .map(g -> new FakeResource("security_group", g.id, g.name, null,
            g.toJson(s.rulesOf(g.id))))
        .toList());
  }

  public List<FakeResource> securityGroupRules() {
    return snapshot(s -> s.rules.values().stream()
        .map(r -> new FakeResource("security_group_rule", r.id(),
            r.describe(s.securityGroups.get(r.securityGroupId()).name), null, r.toJson()))
        .toList());
  }

  public List<FakeResource> floatingIps() {
    return snapshot(s -> s.floatingIps.values().stream()
        .map(f -> new FakeResource("floating_ip", f.id, f.address, f.port == null ? "DOWN"
            : "ACTIVE", f.toJson()))
        .toList());
  }

  /** Nova server groups; a resource's JSON is the group as Nova shows it, members included. */
  public List<FakeResource> serverGroups() {
    return snapshot(s -> s.serverGroups.values().stream()
        .map(g -> new FakeResource("server_group", g.id, g.name, g.policy, g.json())).toList());
  }

  public List<FakeResource> ports() {
    return snapshot(s -> s.ports.values().stream()
        .map(p -> new FakeResource("port", p.id, p.fixedIp, p.status, p.toJson())).toList());
  }

  public List<FakeResource> networks() {
    return snapshot(s -> s.networks.values().stream()
        .map(n -> new FakeResource("network", n.id, n.name, "ACTIVE", n.toJson())).toList());
  }

  /** The id of a network by name, e.g. {@code networkId("public")}. */
  public String networkId(String name) {
    synchronized (state) {
      FakeNetwork n = state.networkByName(name);
      if (n == null) {
        throw new IllegalArgumentException("no network " + name);
      }
      return n.id;
    }
  }

  /** Appends text to a server's console output, as if its guest had printed it. */
  public void appendConsoleOutput(String serverId, String text) {
    servers.appendConsole(serverId, text);
  }

  /**
   * The server's guest powers itself off, as a unikernel that exits does: the server is SHUTOFF (real Nova
   * notices about 15 s later, through libvirt's lifecycle event) and Nova has no console for it any more.
   */
  public void powerOff(String serverId) {
    servers.powerOff(serverId);
  }

  /** Turns the app stand-in on or off ({@link AppReachability} says where it answers). */
  public void appStandIn(boolean enabled) {
    appStandIn.enabled(enabled);
  }

  /** Where the app stand-in answers now, as {@code address:port}, sorted. */
  public Set<String> appEndpoints() {
    return appStandIn.endpoints();
  }

  private List<FakeResource> snapshot(Function<CloudState, List<FakeResource>> f) {
    synchronized (state) {
      return new ArrayList<>(f.apply(state));
    }
  }

  /** In boot mode, the PID of the server's QEMU process (-1 without one), for tests that end it as a crash would. */
  public long vmPid(String serverId) {
    return booted == null ? -1 : booted.pid(serverId);
  }

  /** In boot mode, the ids of the servers whose VM runs now; empty otherwise. */
  public List<String> runningVms() {
    return booted == null ? List.of() : booted.running();
  }

  @Override
  public void close() {
    http.close();
    transitions.close();
    appStandIn.close();
    if (booted != null) {
      booted.close();
    }
  }
}
