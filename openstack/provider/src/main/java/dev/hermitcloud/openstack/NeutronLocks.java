package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A deployment's lock on OpenStack: a security group {@code hermit-lock:<deployment>} (no deployment's own
 * group can have that name: deployment names hold no colon) whose description holds the lease, changed
 * only with Neutron's {@code If-Match: revision_number=N}. Taking the lock creates the group and is
 * released by deleting it, so a project without a run in progress holds no lock groups.
 *
 * <p>Neutron does not keep names unique, so two writers that both found no group may both create one.
 * Each then lists again, and keeps its group only when it sees no other: since every writer writes
 * before it reads, at most one of them can see only its own (the one whose list came first sees no later
 * group, and every later list sees the earlier group). The others delete theirs and step back; when all of
 * them stepped back, a random pause before the engine asks again breaks the tie.
 */
final class NeutronLocks implements DeploymentLocks {
  static final String PREFIX = "hermit-lock:";
  private static final int LONGEST_NAME_PART = 60;

  private final NeutronRest neutron;

  NeutronLocks(NeutronRest neutron) {
    this.neutron = neutron;
  }

  @Override
  public Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires) throws Exception {
    List<Anchor> found = anchors(deployment);
    if (!found.isEmpty()) {
      return Optional.of(first(found).lease());
    }
    Anchor mine = anchor(deployment, neutron.createGroup(PREFIX + deployment, encode(deployment, holder, since, expires)));
    List<Anchor> others = new ArrayList<>(anchors(deployment));
    others.removeIf(a -> a.id().equals(mine.id()));
    if (others.isEmpty()) {
      return Optional.of(mine.lease());
    }
    neutron.deleteGroup(mine.id(), null);
    Thread.sleep(ThreadLocalRandom.current().nextLong(10, 200));
    return Optional.empty();
  }

  @Override
  public Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires) throws Exception {
    String id = idOf(current);
    String description = encode(current.deployment(), holder, since, expires);
    Optional<JsonNode> written = neutron.updateGroup(id, Long.parseLong(version(current)), description);
    if (written.isPresent()) {
      return Optional.of(anchor(current.deployment(), written.get()).lease());
    }
    // a 412 after the client resent a write whose answer was lost: the group may hold exactly what we wrote
    return anchors(current.deployment()).stream().filter(a -> a.id().equals(id) && a.description().equals(description))
        .map(Anchor::lease).findFirst();
  }

  @Override
  public void release(LockLease lease) throws Exception {
    neutron.deleteGroup(idOf(lease), Long.parseLong(version(lease)));
  }

  @Override
  public Optional<LockLease> breakLock(String deployment) throws Exception {
    List<Anchor> found = anchors(deployment);
    for (Anchor anchor : found) {
      neutron.deleteGroup(anchor.id(), null);
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(first(found).lease());
  }

  private List<Anchor> anchors(String deployment) throws Exception {
    List<Anchor> found = new ArrayList<>();
    for (JsonNode group : neutron.groupsNamed(PREFIX + deployment)) {
      if ((PREFIX + deployment).equals(group.path("name").asText())) {
        found.add(anchor(deployment, group));
      }
    }
    return found;
  }

  /** The lease every writer reports while several groups exist: the oldest group's. */
  private static Anchor first(List<Anchor> anchors) {
    return anchors.stream().min(Comparator.comparing(Anchor::createdAt).thenComparing(Anchor::id)).orElseThrow();
  }

  /** The lease's version names the group and its revision: a replace and a release need both. */
  private static String idOf(LockLease lease) {
    return lease.version().substring(0, lease.version().indexOf('@'));
  }

  private static String version(LockLease lease) {
    return lease.version().substring(lease.version().indexOf('@') + 1);
  }

  private static String encode(String deployment, LockHolder holder, Instant since, Instant expires) {
    ObjectNode o = OpenStackHttp.JSON.createObjectNode();
    // Neutron keeps 255 characters of a description: long user or host names are cut, the rest always fits
    o.put("user", cut(holder.user())).put("host", cut(holder.host())).put("pid", holder.pid())
        .put("run", holder.runId()).put("since", since.toString()).put("expires", expires.toString());
    return o.toString();
  }

  private static String cut(String s) {
    return s.length() <= LONGEST_NAME_PART ? s : s.substring(0, LONGEST_NAME_PART);
  }

  private static Anchor anchor(String deployment, JsonNode group) {
    return new Anchor(deployment, group.path("id").asText(), group.path("revision_number").asLong(),
        group.path("created_at").asText(""), group.path("description").asText(""));
  }

  /** One lock group as Neutron shows it. */
  private record Anchor(String deployment, String id, long revision, String createdAt, String description) {
    /** The lease it holds; one whose description does not read (edited by hand) counts as expired. */
    LockLease lease() {
      String version = id + "@" + revision;
      try {
        JsonNode o = OpenStackHttp.JSON.readTree(description);
        return new LockLease(deployment, new LockHolder(o.path("user").asText("unknown"), o.path("host").asText("unknown-host"),
            o.path("pid").asLong(0), o.path("run").asText("unknown")), Instant.parse(o.path("since").asText()),
            Instant.parse(o.path("expires").asText()), version);
      } catch (IOException | RuntimeException unreadable) {
        return new LockLease(deployment, new LockHolder("unknown", "unknown-host", 0, "unknown"), Instant.EPOCH,
            Instant.EPOCH, version);
      }
    }
  }
}
