package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What makes instance group managers manage: after every change (an operation or a timer finishing,
 * under the store lock) each group compares its members with its target size and versions and acts, by
 * creating and deleting ordinary instances through {@link InstanceLauncher}. It recreates members whose
 * instance is gone or not RUNNING, probes members when it has an autohealing policy ({@link HealthProbe},
 * one timer after RUNNING for initialDelaySec, then one per check interval) and recreates UNHEALTHY ones
 * one timer later, and with a PROACTIVE update policy replaces members of outdated versions within
 * maxSurge and maxUnavailable, where a member counts as available when RUNNING and, with autohealing,
 * HEALTHY (per https://cloud.google.com/python/docs/reference/compute/0.3.0/google.cloud.compute_v1.types.InstanceGroupManagerUpdatePolicy).
 * So an update whose new instances never become healthy stalls with the old ones kept, as on GCE.
 */
final class GroupController {
  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final ComputeContext ctx;
  private final Map<ResourceKey, ManagedGroup> groups = new LinkedHashMap<>();
  private final Set<String> unhealthyTemplates = ConcurrentHashMap.newKeySet();
  private boolean reconciling;
  private boolean again;

  GroupController(ComputeContext ctx) {
    this.ctx = ctx;
  }

  /** Starts managing a manager that just became visible. */
  void adopt(StoredResource manager) {
    groups.put(manager.key(), new ManagedGroup(manager.key()));
  }

  ManagedGroup group(ResourceKey manager) {
    return groups.get(manager);
  }

  /** Makes the app of the template's instances (not) answer health probes: a test's "the new version is broken". */
  void appAnswers(String templateUrl, boolean answers) {
    if (answers) {
      unhealthyTemplates.remove(templateUrl);
    } else {
      unhealthyTemplates.add(templateUrl);
    }
  }

  void clear() {
    groups.clear();
    unhealthyTemplates.clear();
  }

  /** Deletes the manager's instances; the operation is DONE, and the manager gone, when the last one is. */
  FakeOperation delete(StoredResource manager) {
    ManagedGroup g = groups.computeIfAbsent(manager.key(), ManagedGroup::new);
    FakeOperation op = ctx.runner().startOpen("delete", manager);
    g.deleting = op;
    reconcileAll();
    return op;
  }

  /** Brings every group one step nearer its target; safe to call from inside itself (it then runs again). */
  void reconcileAll() {
    if (reconciling) {
      again = true;
      return;
    }
    reconciling = true;
    try {
      int rounds = 0;
      do {
        again = false;
        for (ManagedGroup g : List.copyOf(groups.values())) {
          reconcile(g);
        }
      } while (again && ++rounds < 100);
    } finally {
      reconciling = false;
    }
  }

  private void reconcile(ManagedGroup g) {
    StoredResource manager = ctx.store().find(g.key);
    if (manager == null) {
      groups.remove(g.key);
      return;
    }
    if (g.deleting == null) {
      Autoscaling.apply(ctx.store(), manager);
    }
    JsonNode m = manager.json();
    boolean healing = m.path("autoHealingPolicies").size() > 0;
    Map<String, Integer> want = targets(m);
    sync(g, manager, healing, want);
    if (g.deleting != null) {
      g.active().forEach(member -> remove(g, member));
      if (g.members.isEmpty()) {
        Autoscaling.dropFor(ctx.store(), manager);
        ctx.store().remove(g.key);
        groups.remove(g.key);
        ctx.runner().close(g.deleting, manager, null);
        return;
      }
      GroupStatus.refresh(ctx.store(), manager, g, want, healing);
      return;
    }
    UpdatePolicy policy = UpdatePolicy.of(m);
    int size = m.path("targetSize").asInt();
    List<ManagedMember> active = g.active();
    Map<String, Integer> have = counts(active);
    int available = (int) active.stream().filter(a -> available(g, a, healing)).count();
    // unavailable members go first, then the newest: they cost the least to lose
    List<ManagedMember> candidates = new ArrayList<>(active);
    java.util.Collections.reverse(candidates);
    candidates.sort(java.util.Comparator.comparing(c -> available(g, c, healing)));
    for (ManagedMember c : candidates) {
      if (have.get(c.template) <= want.getOrDefault(c.template, 0)) {
        continue;
      }
      if (active.size() <= size && !policy.proactive()) {
        continue;
      }
      boolean isAvailable = available(g, c, healing);
      if (isAvailable && available - 1 < size - policy.maxUnavailable()) {
        continue;
      }
      remove(g, c);
      have.merge(c.template, -1, Integer::sum);
      active.remove(c);
      available -= isAvailable ? 1 : 0;
    }
    boolean outdated = have.entrySet().stream().anyMatch(e -> e.getValue() > want.getOrDefault(e.getKey(), 0));
    int limit = size + (policy.proactive() && outdated ? policy.maxSurge() : 0);
    while (active.size() < limit) {
      String template = deficit(want, have);
      if (template == null) {
        if (policy.proactive() || active.size() >= size) {
          break;
        }
        template = GoogleJson.text(m, "instanceTemplate");
      }
      List<String> zones = ManagerSpec.zonesOf(m);
      ManagedMember added = new ManagedMember(newName(g, zones, GoogleJson.text(m, "baseInstanceName")),
          emptiestZone(zones, active), template);
      g.members.put(added.name, added);
      create(g, manager, added, template);
      have.merge(template, 1, Integer::sum);
      active.add(added);
    }
    GroupStatus.refresh(ctx.store(), manager, g, want, healing);
  }

  /** Follows each member's instance: gone ones come back, RUNNING ones are verified, stopped ones recreated. */
  private void sync(ManagedGroup g, StoredResource manager, boolean healing, Map<String, Integer> want) {
    for (ManagedMember member : List.copyOf(g.members.values())) {
      StoredResource instance = ctx.store().find(g.instanceKey(member));
      if (instance == null) {
        if (member.removing || g.deleting != null) {
          g.members.remove(member.name);
        } else {
          // what the group does to any instance it lost, deleted through the instances API or not
          // (per https://cloud-dot-devsite-v2-prod.appspot.com/compute/docs/instance-groups/working-with-managed-instances)
          create(g, manager, member, want.containsKey(member.template) ? member.template
              : firstNonNull(deficit(want, counts(g.active())), GoogleJson.text(manager.json(), "instanceTemplate")));
        }
        continue;
      }
      if (member.removing) {
        deleteIfIdle(instance);
        continue;
      }
      String status = instance.status();
      if ("RUNNING".equals(status)) {
        if (!healing) {
          member.health = null;
          if (!member.action.equals("NONE") && instance.pendingOperation() == null) {
            member.action = "NONE";
          }
        } else if (member.health == null) {
          startProbe(g, member);
        }
      } else if (Set.of("TERMINATED", "STOPPED", "SUSPENDED").contains(status) && instance.pendingOperation() == null) {
        // "A MIG automatically re-creates an instance that is not in a RUNNING state"
        // (per https://www.cloudconformity.com/knowledge-base/gcp/ComputeEngine/enable-instance-group-autohealing.html)
        recreate(member, instance);
      }
    }
  }

  private void create(ManagedGroup g, StoredResource manager, ManagedMember member, String templateUrl) {
    member.template = templateUrl;
    member.generation++;
    member.health = null;
    member.action = member.existed ? "RECREATING" : "CREATING";
    ResourceLinks.Ref ref = ResourceLinks.parse(templateUrl, g.key.project(), "instanceTemplates");
    StoredResource template = ref == null ? null
        : ctx.store().visible(ResourceKey.global(ComputeKind.INSTANCE_TEMPLATE, ref.project(), ref.name()));
    if (template == null) {
      member.lastError = "The resource '" + (ref == null ? templateUrl : ref.path()) + "' was not found";
      return;
    }
    ObjectNode body = TemplateProperties.instanceBody(template, member.zone, member.name, manager.key().path());
    try {
      member.existed = true;
      member.lastError = null;
      ctx.launcher().launch(null, g.key.project(), member.zone, member.name, body);
    } catch (ApiError e) {
      member.lastError = e.getMessage();
    }
  }

  private void remove(ManagedGroup g, ManagedMember member) {
    member.removing = true;
    member.action = "DELETING";
    member.generation++;
    StoredResource instance = ctx.store().find(g.instanceKey(member));
    if (instance == null) {
      g.members.remove(member.name);
    } else {
      deleteIfIdle(instance);
    }
  }

  /** Autohealing's repair: the instance goes and comes back under the same name. */
  private void recreate(ManagedMember member, StoredResource instance) {
    member.action = "RECREATING";
    member.health = null;
    member.generation++;
    deleteIfIdle(instance);
  }

  private void deleteIfIdle(StoredResource instance) {
    if (instance.pendingOperation() == null && !"STOPPING".equals(instance.status())) {
      ctx.launcher().delete(null, instance);
    }
  }

  private void startProbe(ManagedGroup g, ManagedMember member) {
    member.health = "UNKNOWN";
    member.action = "VERIFYING";
    int generation = member.generation;
    ctx.runner().later(() -> probe(g.key, member.name, generation));
  }

  private void probe(ResourceKey key, String name, int generation) {
    ManagedGroup g = groups.get(key);
    ManagedMember member = g == null ? null : g.members.get(name);
    StoredResource manager = ctx.store().find(key);
    if (member == null || manager == null || member.generation != generation || member.removing) {
      return;
    }
    StoredResource instance = ctx.store().find(g.instanceKey(member));
    StoredResource check = healthCheck(manager);
    if (instance == null || check == null) {
      return;
    }
    member.health = HealthProbe.verdict(ctx.store(), instance, check.json(), !unhealthyTemplates.contains(member.template));
    if ("HEALTHY".equals(member.health)) {
      if ("VERIFYING".equals(member.action)) {
        member.action = "NONE";
      }
      ctx.runner().later(() -> probe(key, name, generation));
    } else {
      ctx.runner().later(() -> repair(key, name, generation));
    }
  }

  private void repair(ResourceKey key, String name, int generation) {
    ManagedGroup g = groups.get(key);
    ManagedMember member = g == null ? null : g.members.get(name);
    if (member == null || member.generation != generation || member.removing || !"UNHEALTHY".equals(member.health)) {
      return;
    }
    StoredResource instance = ctx.store().find(g.instanceKey(member));
    if (instance != null) {
      recreate(member, instance);
    }
  }

  private StoredResource healthCheck(StoredResource manager) {
    String url = GoogleJson.text(manager.json().path("autoHealingPolicies").path(0), "healthCheck");
    ResourceLinks.Ref ref = ResourceLinks.parse(url, manager.key().project(), "healthChecks");
    return ref == null ? null
        : ctx.store().visible(ResourceKey.global(ComputeKind.HEALTH_CHECK, ref.project(), ref.name()));
  }

  private boolean available(ManagedGroup g, ManagedMember member, boolean healing) {
    StoredResource instance = ctx.store().find(g.instanceKey(member));
    return instance != null && "RUNNING".equals(instance.status()) && !member.removing
        && !member.action.equals("RECREATING") && (!healing || "HEALTHY".equals(member.health));
  }

  /** How many members each version wants: fixed or percent (rounded up) sizes, the rest to the version without one. */
  private static Map<String, Integer> targets(JsonNode m) {
    int size = m.path("targetSize").asInt();
    Map<String, Integer> out = new LinkedHashMap<>();
    String rest = GoogleJson.text(m, "instanceTemplate");
    int taken = 0;
    for (JsonNode v : m.path("versions")) {
      JsonNode t = v.get("targetSize");
      if (t == null) {
        rest = v.path("instanceTemplate").asText();
        continue;
      }
      int n = t.has("fixed") ? t.get("fixed").asInt() : (int) Math.ceil(size * t.path("percent").asInt() / 100.0);
      n = Math.min(n, size - taken);
      out.put(v.path("instanceTemplate").asText(), n);
      taken += n;
    }
    out.put(rest, size - taken);
    return out;
  }

  static Map<String, Integer> counts(List<ManagedMember> members) {
    Map<String, Integer> out = new HashMap<>();
    members.forEach(m -> out.merge(m.template, 1, Integer::sum));
    return out;
  }

  private static String deficit(Map<String, Integer> want, Map<String, Integer> have) {
    for (Map.Entry<String, Integer> e : want.entrySet()) {
      if (have.getOrDefault(e.getKey(), 0) < e.getValue()) {
        return e.getKey();
      }
    }
    return null;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /**
   * A regional group spreads its members evenly over its zones: each new one goes to the zone with the
   * fewest (per https://cloud.google.com/python/docs/reference/compute/0.3.0/google.cloud.compute_v1.types.InstanceGroupManagerUpdatePolicy,
   * instanceRedistributionType PROACTIVE).
   */
  private static String emptiestZone(List<String> zones, List<ManagedMember> active) {
    String best = zones.get(0);
    long fewest = Long.MAX_VALUE;
    for (String zone : zones) {
      long n = active.stream().filter(a -> a.zone.equals(zone)).count();
      if (n < fewest) {
        fewest = n;
        best = zone;
      }
    }
    return best;
  }

  /** {@code <baseInstanceName>-<4 random lowercase letters or digits>}, as GCE names managed instances. */
  private String newName(ManagedGroup g, List<String> zones, String base) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (true) {
      StringBuilder name = new StringBuilder(base).append('-');
      for (int i = 0; i < 4; i++) {
        name.append(NAME_CHARS.charAt(r.nextInt(NAME_CHARS.length())));
      }
      String candidate = name.toString();
      boolean free = !g.members.containsKey(candidate);
      for (String zone : zones) {
        free &= ctx.store().find(ResourceKey.zonal(ComputeKind.INSTANCE, g.key.project(), zone, candidate)) == null;
      }
      if (free) {
        return candidate;
      }
    }
  }
}
