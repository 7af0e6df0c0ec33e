package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Configures a {@link FakeOpenStack} before it starts. Everything has a default: user {@code demo}
 * with password {@code secret}, project {@code demo} (domain {@code Default}), a tenant network
 * {@code private} (127.0.2.0/24) and an external network {@code public} (127.0.1.0/24), builds
 * taking 200 ms, saves and deletes 100 ms, tokens living one hour, fault seed 42, an ephemeral
 * port, the app stand-in off.
 */
public final class FakeOpenStackBuilder {
  /** A network to create at start. */
  record NetworkSpec(String name, String cidr, boolean external) {}

  /** A user, with the domain it lives in. */
  record UserSpec(String name, String password, String domain) {}

  /** An application credential of the first user, scoped to the first project. */
  record CredentialSpec(String id, String name, String secret) {}

  int port;
  int threads = 16;
  final List<UserSpec> users = new ArrayList<>();
  final List<String> projects = new ArrayList<>();
  final List<CredentialSpec> credentials = new ArrayList<>();
  final Set<String> keypairs = new LinkedHashSet<>();
  final List<NetworkSpec> networks = new ArrayList<>();
  Duration tokenLifetime = Duration.ofHours(1);
  Duration build = Duration.ofMillis(200);
  Duration save = Duration.ofMillis(100);
  Duration delete = Duration.ofMillis(100);
  long seed = 42;
  Duration latency = Duration.ZERO;
  int pageMaximum;
  boolean appStandIn;
  boolean boot;
  boolean trace;
  final Set<Integer> appPorts = new LinkedHashSet<>();

  FakeOpenStackBuilder() {}

  /** The port to listen on, on 127.0.0.1; 0 (the default) picks a free one. */
  public FakeOpenStackBuilder port(int port) {
    this.port = port;
    return this;
  }

  /** Size of the request-handling thread pool (default 16). */
  public FakeOpenStackBuilder threads(int threads) {
    this.threads = threads;
    return this;
  }

  /** Adds a user in domain {@code Default}; the first one added replaces the default user. */
  public FakeOpenStackBuilder user(String name, String password) {
    return user(name, password, Domains.DEFAULT);
  }

  public FakeOpenStackBuilder user(String name, String password, String domain) {
    users.add(new UserSpec(name, password, domain));
    return this;
  }

  /** Adds a project in domain {@code Default}; the first one added replaces the default project. */
  public FakeOpenStackBuilder project(String name) {
    projects.add(name);
    return this;
  }

  /** Adds an application credential of the first user, scoped to the first project. */
  public FakeOpenStackBuilder applicationCredential(String id, String name, String secret) {
    credentials.add(new CredentialSpec(id, name, secret));
    return this;
  }

  /** Adds a Nova keypair name that {@code key_name} may refer to. */
  public FakeOpenStackBuilder keypair(String name) {
    keypairs.add(name);
    return this;
  }

  /**
   * Adds a network; the first one added replaces the two default networks. Use loopback
   * prefixes so that tests reach the addresses.
   */
  public FakeOpenStackBuilder network(String name, String cidr, boolean external) {
    networks.add(new NetworkSpec(name, cidr, external));
    return this;
  }

  public FakeOpenStackBuilder tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
    return this;
  }

  /** Server BUILD to ACTIVE; see {@link Timings} to change it later. */
  public FakeOpenStackBuilder buildTime(Duration duration) {
    this.build = duration;
    return this;
  }

  /** Image saving to active. */
  public FakeOpenStackBuilder saveTime(Duration duration) {
    this.save = duration;
    return this;
  }

  /** How long a deleted server lingers. */
  public FakeOpenStackBuilder deleteTime(Duration duration) {
    this.delete = duration;
    return this;
  }

  /**
   * The most items a list answers in one page, whatever its {@code limit} asks, as a cloud whose Nova
   * {@code max_limit}, Glance {@code api_limit_max} and Neutron {@code pagination_max_limit} are set
   * lower than their defaults (1000, 1000, none).
   */
  public FakeOpenStackBuilder pageMaximum(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("pageMaximum must be at least 1, was " + items);
    }
    this.pageMaximum = items;
    return this;
  }

  /** Latency added to every API call (not to {@code /_fake} calls). */
  public FakeOpenStackBuilder latency(Duration perCall) {
    this.latency = perCall;
    return this;
  }

  /** Seeds the Random behind probabilistic faults. */
  public FakeOpenStackBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Turns on the app stand-in ({@link FakeOpenStack#appStandIn(boolean)}); {@code ports} are
   * served when a rule opens all ports or a range wider than 16.
   */
  public FakeOpenStackBuilder appStandIn(boolean enabled, int... ports) {
    this.appStandIn = enabled;
    for (int p : ports) {
      appPorts.add(p);
    }
    return this;
  }

  /**
   * Boot mode: each server runs as a QEMU VM (TCG) from its Glance image (qcow2 or raw), its console output
   * is the VM's serial port, a guest that powers off leaves it SHUTOFF, and only the ports its security
   * groups open to 127.0.0.1 are forwarded to its addresses. Replaces the app stand-in. Needs
   * qemu-system-x86_64.
   */
  public FakeOpenStackBuilder boot(boolean on) {
    this.boot = on;
    return this;
  }

  /** Prints each API call and its status to stderr (never bodies or headers). */
  public FakeOpenStackBuilder trace(boolean on) {
    this.trace = on;
    return this;
  }

  /** Starts the fake; close it when done. */
  public FakeOpenStack start() {
    if (users.isEmpty()) {
      user("demo", "secret");
    }
    if (projects.isEmpty()) {
      project("demo");
    }
    if (networks.isEmpty()) {
      network("private", "127.0.2.0/24", false);
      network("public", "127.0.1.0/24", true);
    }
    return new FakeOpenStack(this);
  }
}
