package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Nova 2.1 servers: boot (BUILD, then ACTIVE or ERROR after {@link Timings#build()}), show, list
 * with filters, delete (the server lingers while deleting), and console output.
 */
final class NovaServerApi {
  static final String SERVERS = Service.NOVA.prefix + "/servers";
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  private final CloudState state;
  private final NovaFlavorApi flavors;
  private final Set<String> keypairs;
  private final Transitions transitions;
  private final Timings timings;
  private final CloudFailures failures;
  private final SecureRandom random = new SecureRandom();
  private final BootedServers booted;

  /** @param booted boot mode's VMs; null when servers are not booted */
  NovaServerApi(
      CloudState state,
      NovaFlavorApi flavors,
      Set<String> keypairs,
      Transitions transitions,
      Timings timings,
      CloudFailures failures,
      BootedServers booted) {
    this.booted = booted;
    this.state = state;
    this.flavors = flavors;
    this.keypairs = Set.copyOf(keypairs);
    this.transitions = transitions;
    this.timings = timings;
    this.failures = failures;
  }

  void register(Router router) {
    router.add("POST", SERVERS, this::boot);
    router.add("GET", SERVERS, r -> list(r, false));
    router.add("GET", SERVERS + "/detail", r -> list(r, true));
    router.add("GET", SERVERS + "/{id}", this::show);
    router.add("DELETE", SERVERS + "/{id}", this::delete);
    router.add("POST", SERVERS + "/{id}/action", NovaServerApi::actionMutates, this::action);
  }

  private static boolean actionMutates(Request r) {
    try {
      return !r.json().has("os-getConsoleOutput");
    } catch (ApiError e) {
      return true;
    }
  }

  private Reply boot(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "server");
    ObjectNode created = Json.object();
    synchronized (state) {
      BootRequest boot = BootRequest.parse(body, state, flavors, keypairs, Caller.projectId(r));
      Instant now = Instant.now();
      FakeServer server = new FakeServer(Ids.uuid(), state.nextSequence(), boot.name,
          Caller.projectId(r), Caller.token(r).user().id(), boot.image.id, boot.flavor.id(), boot.keyName,
          boot.userData, adminPass(), boot.securityGroupNames, now);
      server.metadata.putAll(boot.metadata);
      String failure = failures.takeServerFailure();
      FakeServerGroup group = schedulerGroup(r);
      if (group != null) {
        failure = failure != null ? failure : schedule(group, server);
        group.members.add(server.id);
        server.groupId = group.id;
      }
      List<String> groupIds = boot.securityGroups.stream().map(g -> g.id).toList();
      for (BootRequest.Nic nic : boot.nics) {
        String ip = nic.fixedIp() != null ? nic.fixedIp() : state.freeAddress(nic.network());
        boolean taken = state.ports.values().stream()
            .anyMatch(p -> p.network == nic.network() && p.fixedIp.equals(ip));
        if (ip == null || taken) {
          failure = failure != null ? failure : "Build of instance " + server.id
              + " aborted: Failed to allocate the network(s), not rescheduling.";
          break;
        }
        FakePort port = new FakePort(Ids.uuid(), nic.network(), server.id, ip, mac(),
            groupIds, Caller.projectId(r), now);
        state.ports.put(port.id, port);
      }
      state.servers.put(server.id, server);
      state.recordCreation("server", server.name);
      String failureMessage = failure;
      // Nova's BUILD goes scheduling -> networking -> spawning; the console's answer changes on the way
      if (failure == null) {
        transitions.after(timings.build().dividedBy(4), () -> scheduled(server));
      }
      transitions.after(timings.build().dividedBy(2), () -> spawning(server));
      transitions.after(timings.build(), () -> finishBuild(server, failureMessage));
      ObjectNode s = created.putObject("server");
      s.put("id", server.id);
      s.set("links", ServerJson.links(r.baseUrl(), "servers", server.id));
      s.put("OS-DCF:diskConfig", "MANUAL");
      ArrayNode groups = s.putArray("security_groups");
      boot.securityGroupNames.forEach(n -> groups.addObject().put("name", n));
      s.put("adminPass", server.adminPass);
      return Reply.json(202, created)
          .header("Location", r.baseUrl() + SERVERS + "/" + server.id);
    }
  }

  /**
   * The server group named by the {@code group} scheduler hint, or null: a hint that is no UUID is refused
   * as Nova's schema refuses it; one that names no group of the project is Nova's 400.
   */
  private FakeServerGroup schedulerGroup(Request r) {
    JsonNode hint = r.json().path("os:scheduler_hints").path("group");
    if (hint.isMissingNode() || hint.isNull()) {
      return null;
    }
    String id = hint.asText();
    if (!UUID.matcher(id).matches()) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute group. Value: " + id + ". '" + id
          + "' is not a 'uuid'");
    }
    FakeServerGroup group = state.serverGroupOf(id, Caller.projectId(r));
    if (group == null) {
      throw OpenStackErrors.badRequest("Instance group " + id + " could not be found.");
    }
    return group;
  }

  /**
   * The scheduler's filter for a group on the fake's one compute host, as on a one-host cloud: affinity
   * always fits; anti-affinity fits unless another member already holds the host. Null when it fits, else
   * the fault the server goes to ERROR with. Members booted together pass here, as neither has a host yet,
   * and meet the compute host's own check instead ({@link #spawning}).
   */
  private String schedule(FakeServerGroup group, FakeServer server) {
    return group.policy.equals("anti-affinity") && othersOnTheHost(group, server)
        ? "No valid host was found. There are not enough hosts available." : null;
  }

  private boolean othersOnTheHost(FakeServerGroup group, FakeServer server) {
    return group.members.stream().filter(id -> !id.equals(server.id)).map(state.servers::get)
        .anyMatch(member -> member != null && member.host != null && !member.status.equals("ERROR") && !member.deleting());
  }

  /** The scheduler has chosen the host (a quarter into the build). */
  private void scheduled(FakeServer server) {
    synchronized (state) {
      if (state.servers.get(server.id) == server && server.status.equals("BUILD") && !server.deleting()) {
        server.host = FakeServer.HOST;
      }
    }
  }

  private void spawning(FakeServer server) {
    synchronized (state) {
      // nova-compute checks the group's policy again before it builds; with no other host to retry on,
      // a violation ends the build (both members of a pair booted together fail so on a one-host cloud)
      FakeServerGroup group = state.groupOf(server);
      if (group != null && group.policy.equals("anti-affinity") && server.host != null && othersOnTheHost(group, server)) {
        server.lateFailure = "Exceeded maximum number of retries. Exhausted all hosts available for retrying build"
            + " failures for instance " + server.id + ".";
      }
    }
    spawningStarted(server);
  }

  private void spawningStarted(FakeServer server) {
    synchronized (state) {
      if (state.servers.get(server.id) == server && server.status.equals("BUILD") && !server.deleting()) {
        server.taskState = "spawning";
      }
    }
  }

  private void finishBuild(FakeServer server, String scheduling) {
    synchronized (state) {
      String failure = scheduling != null ? scheduling : server.lateFailure;
      if (state.servers.get(server.id) != server || server.deleting()) {
        return;
      }
      Instant now = Instant.now();
      server.updatedAt = now;
      server.taskState = null;
      if (failure != null) {
        server.status = "ERROR";
        server.vmState = "error";
        server.faultMessage = failure;
        server.faultCode = 500;
        server.faultAt = now;
        state.releasePorts(server.id, now);
        return;
      }
      server.status = "ACTIVE";
      server.vmState = "active";
      server.powerState = 1;
      server.launchedAt = now;
      state.portsOf(server.id).forEach(p -> p.status = "ACTIVE");
      if (booted != null) {
        FakeImage image = state.images.get(server.imageId);
        if (image != null) {
          booted.boot(server, image);
        }
        return;
      }
      server.console.append("fake-openstack: powering on ").append(server.name)
          .append(" (").append(server.id).append(")\n")
          .append("fake-openstack: image ").append(server.imageId)
          .append(", flavor ").append(server.flavorId).append('\n');
      if (failures.takePowerOff()) {
        shutOff(server);
      }
    }
  }

  private Reply show(Request r) {
    synchronized (state) {
      ObjectNode body = Json.object();
      body.set("server", ServerJson.detail(find(r.var("id")), state, r.baseUrl()));
      return Reply.json(200, body);
    }
  }

  private Reply list(Request r, boolean detail) {
    Pattern name = namePattern(r.query("name"));
    String status = r.query("status");
    ObjectNode body = Json.object();
    synchronized (state) {
      List<FakeServer> matching = new ArrayList<>();
      for (FakeServer s : state.servers.values()) {
        if ((name == null || name.matcher(s.name).find())
            && (status == null || s.status.equalsIgnoreCase(status))
            && (r.query("image") == null || s.imageId.equals(r.query("image")))
            && (r.query("flavor") == null || s.flavorId.equals(r.query("flavor")))) {
          matching.add(s);
        }
      }
      matching.sort(Comparator.comparingLong((FakeServer s) -> s.sequence).reversed());
      Pages.Page<FakeServer> page = Pages.slice(matching, s -> s.id, r.query("limit"),
          r.query("marker"), state.pageMaximum(1000), state.pageMaximum(1000), "marker [" + r.query("marker") + "] not found");
      ArrayNode servers = body.putArray("servers");
      for (FakeServer s : page.items()) {
        servers.add(detail ? ServerJson.detail(s, state, r.baseUrl())
            : ServerJson.summary(s, r.baseUrl()));
      }
      if (page.full()) {
        String last = page.items().get(page.items().size() - 1).id;
        body.putArray("servers_links").addObject().put("rel", "next")
            .put("href", Pages.nextHref(r.baseUrl() + r.path(), r.queryParameters(), last));
      }
    }
    return Reply.json(200, body);
  }

  /**
   * Nova matches {@code name} as a regular expression anywhere in the name, but on the real Zed cloud
   * (Nova 26 on MariaDB 10.11) a pattern with an alternation matches nothing: {@code ^(a-0|a-1)$},
   * {@code ^a-(0|1)$} and {@code a-0|a-1} each listed no server where {@code ^a-[01]$} and
   * {@code ^(a-0)$} listed both or one (FINDINGS.md). The fake answers the same.
   */
  private static Pattern namePattern(String name) {
    if (name == null) {
      return null;
    }
    if (name.contains("|")) {
      return Pattern.compile("(?!)");
    }
    try {
      return Pattern.compile(name);
    } catch (PatternSyntaxException e) {
      return Pattern.compile(Pattern.quote(name));
    }
  }

  private Reply delete(Request r) {
    synchronized (state) {
      FakeServer server = find(r.var("id"));
      if (!server.deleting()) {
        server.taskState = "deleting";
        server.updatedAt = Instant.now();
        if (booted != null) {
          booted.stop(server);
        }
        transitions.after(timings.delete(), () -> finishDelete(server));
      }
      return Reply.empty(204);
    }
  }

  private void finishDelete(FakeServer server) {
    synchronized (state) {
      if (state.servers.remove(server.id, server)) {
        FakeServerGroup group = state.groupOf(server);
        if (group != null) {
          group.members.remove(server.id);
        }
        state.releasePorts(server.id, Instant.now());
      }
    }
  }

  private Reply action(Request r) {
    JsonNode body = r.json();
    if (!body.isObject() || body.size() != 1) {
      throw OpenStackErrors.badRequest("Malformed request body");
    }
    String action = body.fieldNames().next();
    synchronized (state) {
      FakeServer server = find(r.var("id"));
      if (action.equals("os-stop")) {
        return stop(server);
      }
      if (!action.equals("os-getConsoleOutput")) {
        throw OpenStackErrors.badRequest("There is no such action: " + action);
      }
      requireConsole(server);
      Integer length = Fields.integer(body.path(action), "length");
      if (length != null && length < -1) {
        throw OpenStackErrors.badRequest("Invalid input for field/attribute length. Value: "
            + length + ". " + length + " is less than the minimum of -1");
      }
      ObjectNode out = Json.object();
      out.put("output", ConsoleTail.lastLines(server.console.toString(), length));
      return Reply.json(200, out);
    }
  }

  /**
   * Real Nova's answers when there is no console to read (openstack/local-cloud/FINDINGS.md): 409 while
   * the server is scheduled and when it is ERROR, 404 "could not be found" while it builds further (the
   * libvirt guest is not defined yet), and 404 "Guest does not have a console available." once it is
   * SHUTOFF, whatever the guest printed before.
   */
  private static void requireConsole(FakeServer server) {
    if (server.status.equals("ERROR") || server.status.equals("BUILD") && "scheduling".equals(server.taskState)) {
      throw OpenStackErrors.conflict("Instance " + server.id + " is not ready");
    }
    if (server.status.equals("BUILD")) {
      throw OpenStackErrors.notFound("Instance " + server.id + " could not be found.");
    }
    if (server.status.equals("SHUTOFF")) {
      throw OpenStackErrors.notFound("Guest does not have a console available.");
    }
  }

  /**
   * {@code os-stop}: 202, task_state powering-off, then SHUTOFF (vm_state stopped, power_state 4) after the
   * build time; 409 unless the server is ACTIVE, worded as Nova's InstanceInvalidState.
   */
  private Reply stop(FakeServer server) {
    if (!server.status.equals("ACTIVE") || server.taskState != null) {
      throw OpenStackErrors.conflict("Cannot 'stop' instance " + server.id + " while it is in vm_state "
          + server.vmState);
    }
    server.taskState = "powering-off";
    server.updatedAt = Instant.now();
    transitions.after(timings.build(), () -> {
      synchronized (state) {
        if (state.servers.get(server.id) != server || server.deleting()) {
          return;
        }
        if (booted != null) {
          booted.stop(server);
        }
        server.taskState = null;
        shutOff(server);
      }
    });
    return Reply.empty(202);
  }

  /** The server as Nova shows it once its guest is off, whoever turned it off. */
  static void shutOff(FakeServer server) {
    server.status = "SHUTOFF";
    server.vmState = "stopped";
    server.powerState = FakeServer.SHUTDOWN;
    server.updatedAt = Instant.now();
  }

  /** Appends text to a server's console, as if the guest had printed it. */
  void appendConsole(String serverId, String text) {
    synchronized (state) {
      existing(serverId).console.append(text);
    }
  }

  /** The server goes SHUTOFF at once, as after Nova's lifecycle event for a guest that powered itself off. */
  void powerOff(String serverId) {
    synchronized (state) {
      FakeServer server = existing(serverId);
      if (booted != null) {
        booted.stop(server);
      }
      shutOff(server);
    }
  }

  private FakeServer existing(String serverId) {
    FakeServer server = state.servers.get(serverId);
    if (server == null) {
      throw new IllegalArgumentException("no server " + serverId);
    }
    return server;
  }

  private FakeServer find(String id) {
    FakeServer server = state.servers.get(id);
    if (server == null) {
      throw OpenStackErrors.notFound("Instance " + id + " could not be found.");
    }
    return server;
  }

  private String adminPass() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private String mac() {
    byte[] b = new byte[3];
    random.nextBytes(b);
    return "fa:16:3e:" + HexFormat.ofDelimiter(":").formatHex(b);
  }
}
