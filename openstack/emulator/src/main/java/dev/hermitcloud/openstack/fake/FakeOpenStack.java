package dev.hermitcloud.openstack.fake;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *   cloud.faults().add(FaultRule.on("POST /compute/v2.1/servers").status(429).retryAfter(1));
 *   ...
 *   assertThat(cloud.creationCount("server", "echo")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Services live under {@code /v3}, {@code /image}, {@code /compute/v2.1} and {@code
 * /network}; the fake's own HTTP controls under {@code /_fake} ({@link AdminApi}).
 */
public final class FakeOpenStack implements AutoCloseable {
  private final FakeOpenStackBuilder config;
  private final CloudState state = new CloudState();
  private final TokenStore tokens;
  private final Faults faults;
  private final Timings timings;
  private final RequestStats stats = new RequestStats();
  private final AppStandIn appStandIn;
  private final Transitions transitions;
  private final NovaServerApi servers;
  private final HttpServer http;
  private final ExecutorService executor;

  FakeOpenStack(FakeOpenStackBuilder config) {
    this.config = config;
    this.tokens = new TokenStore(config.tokenLifetime);
    this.faults = new Faults(tokens, config.seed);
    this.timings = new Timings(config.build, config.save, config.delete);
    this.appStandIn = new AppStandIn(state, config.appStandIn, config.appPorts);
    this.transitions = new Transitions(appStandIn::reconcile);
    IdentityStore identity = identity(config);
    seed(identity.projects.get(0).id());

    Router router = new Router();
    new KeystoneApi(identity, tokens).register(router);
    new GlanceApi(state).register(router);
    new GlanceUpload(state, transitions, timings, faults).register(router);
    NovaFlavorApi flavors = new NovaFlavorApi(FakeFlavor.DEFAULTS);
    flavors.register(router);
    servers = new NovaServerApi(state, flavors, config.keypairs, transitions, timings, faults);
    servers.register(router);
    new NeutronNetworkApi(state).register(router);
    new NeutronSecurityGroupApi(state).register(router);
    new NeutronFloatingIpApi(state).register(router);

    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", config.port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + config.port, e);
    }
    executor = Executors.newFixedThreadPool(config.threads, r -> {
      Thread t = new Thread(r, "fake-openstack-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/", new HttpDispatcher(router, tokens, faults, stats, new AdminApi(this),
        appStandIn::reconcile, config.trace));
    http.start();
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
        .map(u -> new FakeUser(Ids.keystone("user-" + u.name()), u.name(), u.domain(),
            u.password()))
        .toList();
    List<FakeProject> projects = config.projects.stream()
        .map(p -> new FakeProject(Ids.keystone("project-" + p), p, Domains.DEFAULT))
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
        Cidr cidr = Cidr.parse(n.cidr());
        if (cidr == null || cidr.isIpv6()) {
          throw new IllegalArgumentException("not an IPv4 prefix: " + n.cidr());
        }
        FakeNetwork network = new FakeNetwork(n.name(), cidr, n.external(),
            n.external() ? Ids.keystone("project-admin") : projectId, Instant.now());
        state.networks.put(network.id, network);
      }
      NeutronSecurityGroupApi.addGroup(state, "default", "Default security group", projectId);
    }
  }

  /** The port the fake listens on, on 127.0.0.1. */
  public int port() {
    return http.getAddress().getPort();
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

  public Faults faults() {
    return faults;
  }

  public Timings timings() {
    return timings;
  }

  /** Calls so far by {@code METHOD /template}, e.g. {@code POST /compute/v2.1/servers}. */
  public Map<String, Integer> requestCounts() {
    return stats.counts();
  }

  public int requestCount(String methodAndTemplate) {
    return stats.count(methodAndTemplate);
  }

  /**
   * Calls so far that may change state: POST, PUT, PATCH and DELETE to the cloud APIs, except
   * Keystone token requests and console-output reads. Failed and faulted calls count too.
   */
  public int mutatingRequestCount() {
    return stats.mutating();
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
    synchronized (state) {
      return Map.copyOf(state.creations);
    }
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

  /** Turns the app stand-in on or off ({@link AppStandIn}). */
  public void appStandIn(boolean enabled) {
    appStandIn.enable(enabled);
  }

  /** Where the app stand-in answers now, as {@code address:port}, sorted. */
  public Set<String> appEndpoints() {
    Set<String> out = new TreeSet<>();
    appStandIn.endpoints().forEach(e -> out.add(e.address() + ":" + e.port()));
    return out;
  }

  private List<FakeResource> snapshot(Function<CloudState, List<FakeResource>> f) {
    synchronized (state) {
      return new ArrayList<>(f.apply(state));
    }
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
    transitions.close();
    appStandIn.close();
  }
}
