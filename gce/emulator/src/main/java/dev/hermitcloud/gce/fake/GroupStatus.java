package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a group shows itself: the manager's currentActions and status (isStable only when nothing is
 * pending, every member is HEALTHY where autohealing and, for PROACTIVE, the version target is reached)
 * and the members as listManagedInstances answers them (per
 * https://documentation.s3ns.fr/compute/docs/reference/rest/v1/ManagedInstance). Call with the store locked.
 */
final class GroupStatus {
  private GroupStatus() {}

  /** currentActions and status as GET shows them. */
  static void refresh(ComputeStore store, StoredResource manager, ManagedGroup g, Map<String, Integer> want,
      boolean healing) {
    ObjectNode json = manager.json();
    Map<String, Integer> actions = new LinkedHashMap<>();
    for (String a : List.of("none", "creating", "creatingWithoutRetries", "verifying", "recreating", "deleting",
        "abandoning", "restarting", "refreshing", "suspending", "resuming", "stopping", "starting")) {
      actions.put(a, 0);
    }
    boolean settled = g.deleting == null && g.members.size() == json.path("targetSize").asInt();
    for (ManagedMember member : g.members.values()) {
      actions.merge(member.action.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
      settled &= member.action.equals("NONE") && member.lastError == null
          && (!healing || "HEALTHY".equals(member.health));
    }
    ObjectNode current = json.putObject("currentActions");
    actions.forEach(current::put);
    Map<String, Integer> have = GroupController.counts(g.active());
    boolean reached = g.active().stream().allMatch(m -> want.containsKey(m.template));
    for (Map.Entry<String, Integer> e : want.entrySet()) {
      reached &= have.getOrDefault(e.getKey(), 0).equals(e.getValue());
    }
    ObjectNode status = json.putObject("status");
    status.put("isStable", settled && (reached || !UpdatePolicy.of(json).proactive()));
    status.putObject("versionTarget").put("isReached", reached);
    status.putObject("allInstancesConfig").put("effective", true);
    ObjectNode stateful = status.putObject("stateful");
    stateful.put("hasStatefulConfig", false);
    stateful.putObject("perInstanceConfigs").put("allEffective", true);
    Autoscaling.of(store, manager).ifPresent(a -> status.put("autoscaler", a.selfLink()));
  }

  /** The members as listManagedInstances answers them. */
  static ArrayNode managedInstances(ComputeStore store, ManagedGroup g, StoredResource manager) {
    ArrayNode out = Json.array();
    String check = GoogleJson.text(manager.json().path("autoHealingPolicies").path(0), "healthCheck");
    for (ManagedMember member : g.members.values()) {
      ObjectNode item = out.addObject();
      ResourceKey key = g.instanceKey(member);
      item.put("instance", ResourceLinks.url(key.path()));
      item.put("name", member.name);
      StoredResource instance = store.find(key);
      if (instance != null) {
        GoogleJson.putInt64(item, "id", instance.id());
        item.put("instanceStatus", instance.status());
      }
      item.put("currentAction", member.action);
      item.putObject("version").put("instanceTemplate", member.template);
      if (check != null && member.health != null) {
        item.putArray("instanceHealth").addObject().put("healthCheck", check).put("detailedHealthState", member.health);
      }
      if (member.lastError != null) {
        item.putObject("lastAttempt").putObject("errors").putArray("errors").addObject()
            .put("code", "INVALID_FIELD_VALUE").put("message", member.lastError);
      }
    }
    return out;
  }
}
