package dev.hermitcloud.gce;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeleteFirewallRequest;
import com.google.cloud.compute.v1.Firewall;
import com.google.cloud.compute.v1.InsertFirewallRequest;
import com.google.cloud.compute.v1.ListFirewallsRequest;
import com.google.cloud.compute.v1.PatchFirewallRequest;
import com.google.cloud.compute.v1.UpdateFirewallRequest;
import dev.hermitcloud.provider.CallContext;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.ImmutableOwnership;
import dev.hermitcloud.resource.ImmutableObserved;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.resource.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A deployment's ingress rules as one or more GCE firewalls (see {@link FirewallMembers}), each
 * targeting only the deployment's network tag. GCE firewalls have no labels: the ownership marks live
 * in the description. Changes are PATCHed in place, member 0 last, so that member 0 only claims the new
 * spec once the other members match it; a set that is incomplete or mixed reads as changed, and the
 * next run finishes it.
 */
final class GceFirewalls implements ResourceDriver<FirewallSpec>, ListReads {
  static final String MEMBERS = "members";
  private static final String INCOMPLETE = "incomplete";

  private final GceClients clients;
  private final Gce target;

  GceFirewalls(GceClients clients, Gce target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public ResourceKind kind() {
    return ResourceKind.FIREWALL;
  }

  @Override
  public Optional<Observed> read(String name) {
    return Optional.ofNullable(readAll(Set.of(name)).get(name));
  }

  /** Each set with its members, from one list of every family asked for (a request per page and chunk). */
  @Override
  public Map<String, Observed> readAll(Set<String> names) {
    List<Firewall> families = families(names);
    Map<String, Observed> found = new LinkedHashMap<>();
    for (String name : names) {
      families.stream().filter(f -> f.getName().equals(name)).findFirst()
          .ifPresent(first -> found.put(name, observe(name, first, families)));
    }
    return found;
  }

  @Override
  public List<Observed> listOwned(String deployment) {
    Map<String, List<Firewall>> sets = new LinkedHashMap<>();
    for (Firewall firewall : clients.firewalls.list(ListFirewallsRequest.newBuilder().setProject(target.project()).build())
        .iterateAll()) {
      if (ownedBy(firewall, deployment)) {
        FirewallMembers.setName(firewall).ifPresent(set -> sets.computeIfAbsent(set, s -> new ArrayList<>()).add(firewall));
      }
    }
    List<Observed> owned = new ArrayList<>();
    sets.forEach((set, members) -> {
      Firewall first = members.stream().filter(f -> f.getName().equals(set)).findFirst().orElse(members.get(0));
      Observed observed = observe(set, first, members);
      owned.add(first.getName().equals(set) ? observed
          : Observed.builder().from(observed).owner(incomplete(observed.owner().orElseThrow())).build());
    });
    return owned;
  }

  @Override
  public Operation create(FirewallSpec spec, CallContext context) {
    return converge(spec, context, "create firewall " + spec.name());
  }

  @Override
  public boolean updatesInPlace() {
    return true;
  }

  @Override
  public Operation update(Observed current, FirewallSpec spec, CallContext context) {
    return converge(spec, context, "update firewall " + spec.name());
  }

  @Override
  public Operation delete(Observed current, CallContext context) {
    List<Operation> operations = new ArrayList<>();
    for (String member : current.attribute(MEMBERS).orElse(current.name()).split(",")) {
      try {
        operations.add(GceOperation.global(clients, target.project(), "delete firewall " + member,
            clients.firewalls.deleteCallable().call(DeleteFirewallRequest.newBuilder().setProject(target.project())
                .setFirewall(member).setRequestId(requestId(context, member, "delete")).build())));
      } catch (NotFoundException gone) {
        // Already deleted: the rest still go.
      }
    }
    return AllOperations.of("delete firewall " + current.name(), operations);
  }

  /**
   * Makes the live members match the spec: inserts missing ones, patches changed ones, deletes ones no
   * longer needed, member 0 last. Retries within a run reuse each call's request id, so a call whose
   * answer was lost is not made twice.
   */
  private Operation converge(FirewallSpec spec, CallContext context, String description) {
    List<Firewall> desired = FirewallMembers.of(spec, context.ownership(), GceNetworkRefs.networkPath(target, spec.network()));
    Map<String, Firewall> live = new LinkedHashMap<>();
    family(spec.name()).forEach(f -> live.put(f.getName(), f));
    List<Operation> operations = new ArrayList<>();
    for (Firewall stale : live.values()) {
      boolean wanted = desired.stream().anyMatch(d -> d.getName().equals(stale.getName()));
      if (!wanted && ownedBy(stale, spec.deployment()) && FirewallMembers.setName(stale).orElse("").equals(spec.name())) {
        operations.add(GceOperation.global(clients, target.project(), "delete firewall " + stale.getName(),
            clients.firewalls.deleteCallable().call(DeleteFirewallRequest.newBuilder().setProject(target.project())
                .setFirewall(stale.getName()).setRequestId(requestId(context, stale.getName(), "delete")).build())));
      }
    }
    for (int i = desired.size() - 1; i >= 0; i--) {
      Firewall want = desired.get(i);
      Firewall have = live.get(want.getName());
      if (have == null) {
        operations.add(GceOperation.global(clients, target.project(), "insert firewall " + want.getName(),
            clients.firewalls.insertCallable().call(InsertFirewallRequest.newBuilder().setProject(target.project())
                .setFirewallResource(want).setRequestId(requestId(context, want.getName(), "insert")).build())));
      } else if (!ownedBy(have, spec.deployment())) {
        throw new IllegalStateException("firewall '" + want.getName() + "', needed for the rules of deployment '"
            + spec.deployment() + "', already exists and is not owned by it: rename the deployment or delete that firewall");
      } else if (have.getDeniedCount() > 0) {
        // a merge patch would keep the live denied[] next to our allowed[], which GCE refuses: replace it whole
        operations.add(GceOperation.global(clients, target.project(), "update firewall " + want.getName(),
            clients.firewalls.updateCallable().call(UpdateFirewallRequest.newBuilder().setProject(target.project())
                .setFirewall(want.getName()).setFirewallResource(want)
                .setRequestId(requestId(context, want.getName(), "update")).build())));
      } else if (!FirewallMembers.same(have, want)) {
        operations.add(GceOperation.global(clients, target.project(), "patch firewall " + want.getName(),
            clients.firewalls.patchCallable().call(PatchFirewallRequest.newBuilder().setProject(target.project())
                .setFirewall(want.getName()).setFirewallResource(want)
                .setRequestId(requestId(context, want.getName(), "patch")).build())));
      }
    }
    return AllOperations.of(description, operations);
  }

  /** The firewall called {@code name} and every firewall named like a further member of its set. */
  private List<Firewall> family(String name) {
    return families(Set.of(name));
  }

  /** The firewalls of every family of {@code names} (see {@link #family}). */
  private List<Firewall> families(Set<String> names) {
    List<Firewall> found = new ArrayList<>();
    for (String filter : NameFilter.anyOf(names.stream().map(FirewallMembers::familyPattern).toList())) {
      ListFirewallsRequest request = ListFirewallsRequest.newBuilder().setProject(target.project())
          .setFilter(filter).setMaxResults(NameFilter.MAX_RESULTS).build();
      clients.firewalls.list(request).iterateAll().forEach(found::add);
    }
    return found;
  }

  /**
   * One set as one resource. Its marks are member 0's, but with the fingerprint replaced when the set
   * is not exactly the {@code n} members member 0 announces, all carrying the same spec: the plan then
   * sees a change and the update completes the set.
   */
  private static Observed observe(String set, Firewall first, List<Firewall> candidates) {
    Optional<Ownership> owner = Ownership.fromDescription(first.getDescription());
    List<Firewall> members = new ArrayList<>();
    if (owner.isPresent()) {
      for (Firewall f : candidates) {
        if (ownedBy(f, owner.get().deployment()) && FirewallMembers.setName(f).orElse("").equals(set)) {
          members.add(f);
        }
      }
    }
    if (members.isEmpty()) {
      // Named like this set but a member of another (an older naming, or a hand-made rule): itself alone.
      members.add(first);
    }
    members.sort(Comparator.comparingInt(f -> FirewallMembers.Part.of(f.getDescription()).index()));
    ImmutableObserved.Builder observed = Observed.builder().kind(ResourceKind.FIREWALL).name(set)
        .putAttributes(MEMBERS, String.join(",", members.stream().map(Firewall::getName).toList()));
    owner.ifPresent(o -> observed.owner(complete(o, members) ? o : incomplete(o)));
    return observed.build();
  }

  private static boolean complete(Ownership owner, List<Firewall> members) {
    int count = FirewallMembers.Part.of(members.get(0).getDescription()).count();
    if (members.size() != count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      Firewall member = members.get(i);
      FirewallMembers.Part part = FirewallMembers.Part.of(member.getDescription());
      boolean sameSpec = Ownership.fromDescription(member.getDescription()).map(o -> o.equals(owner)).orElse(false);
      if (part.index() != i || part.count() != count || !sameSpec) {
        return false;
      }
    }
    return true;
  }

  private static Ownership incomplete(Ownership owner) {
    return ImmutableOwnership.builder().from(owner).fingerprint(INCOMPLETE).build();
  }

  private static boolean ownedBy(Firewall firewall, String deployment) {
    return Ownership.fromDescription(firewall.getDescription()).map(o -> o.ownedBy(deployment)).orElse(false);
  }

  /** One request id per member and action, stable across the retries of the engine's call. */
  private static String requestId(CallContext context, String member, String action) {
    return UUID.nameUUIDFromBytes((context.requestId() + "/" + member + "/" + action).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
