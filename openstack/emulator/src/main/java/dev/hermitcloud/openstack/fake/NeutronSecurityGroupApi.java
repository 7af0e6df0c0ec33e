package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Neutron security groups and their rules. A new group comes with Neutron's two default egress
 * rules; a group in use by a port cannot be deleted; an identical rule is a 409.
 */
final class NeutronSecurityGroupApi {
  static final String GROUPS = Service.NEUTRON.prefix + "/security-groups";
  static final String RULES = Service.NEUTRON.prefix + "/security-group-rules";

  private static final Pattern IF_MATCH = Pattern.compile("\\s*revision_number=(\\d+)\\s*");

  private final CloudState state;

  NeutronSecurityGroupApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("POST", GROUPS, this::createGroup);
    router.add("GET", GROUPS, this::listGroups);
    router.add("GET", GROUPS + "/{id}", this::showGroup);
    router.add("PUT", GROUPS + "/{id}", this::updateGroup);
    router.add("DELETE", GROUPS + "/{id}", this::deleteGroup);
    router.add("POST", RULES, this::createRule);
    router.add("GET", RULES, this::listRules);
    router.add("GET", RULES + "/{id}", this::showRule);
    router.add("DELETE", RULES + "/{id}", this::deleteRule);
  }

  /** Makes a group with the default egress rules; the monitor must be held. */
  static FakeSecurityGroup addGroup(
      CloudState state, String name, String description, String tenantId) {
    Instant now = Instant.now();
    FakeSecurityGroup group =
        new FakeSecurityGroup(Ids.uuid(), state.nextSequence(), name, description, tenantId, now, 1);
    state.securityGroups.put(group.id, group);
    for (String ethertype : List.of("IPv4", "IPv6")) {
      FakeSecurityGroupRule rule = new FakeSecurityGroupRule(Ids.uuid(), group.id, "egress",
          ethertype, null, null, null, null, null, "", tenantId, now);
      state.rules.put(rule.id(), rule);
    }
    return group;
  }

  private Reply createGroup(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "security_group");
    String name = Fields.text(body, "name");
    String description = Fields.text(body, "description");
    name = name == null ? "" : name;
    if (name.length() > 255 || (description != null && description.length() > 255)) {
      throw OpenStackErrors.badRequest("Invalid input for name. Reason: '" + name
          + "' exceeds maximum length of 255.").withCode("InvalidInput");
    }
    synchronized (state) {
      if (name.equals("default")) {
        throw OpenStackErrors.conflict("Default security group already exists.")
            .withCode("SecurityGroupDefaultAlreadyExists");
      }
      FakeSecurityGroup group =
          addGroup(state, name, description == null ? "" : description, Caller.projectId(r));
      state.recordCreation("security_group", name);
      return Reply.json(201, wrap("security_group", group.toJson(state.rulesOf(group.id))));
    }
  }

  private Reply listGroups(Request r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.securityGroups.values().stream()
          .map(g -> g.toJson(state.rulesOf(g.id))).toList();
    }
    return NeutronLists.answer(r, "security_groups", all, state);
  }

  private Reply showGroup(Request r) {
    synchronized (state) {
      FakeSecurityGroup g = group(r.var("id"));
      return Reply.json(200, wrap("security_group", g.toJson(state.rulesOf(g.id))));
    }
  }

  private Reply updateGroup(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "security_group");
    synchronized (state) {
      FakeSecurityGroup old = group(r.var("id"));
      requireRevision(r, old);
      String name = body.has("name") ? Fields.text(body, "name") : old.name;
      String description =
          body.has("description") ? Fields.text(body, "description") : old.description;
      if (old.name.equals("default") && !"default".equals(name)) {
        throw OpenStackErrors.conflict("Insufficient rights for removing default security group.")
            .withCode("SecurityGroupCannotUpdateDefault");
      }
      FakeSecurityGroup updated = old.revised(name == null ? "" : name, description == null ? "" : description);
      state.securityGroups.put(old.id, updated);
      return Reply.json(200, wrap("security_group", updated.toJson(state.rulesOf(old.id))));
    }
  }

  private Reply deleteGroup(Request r) {
    synchronized (state) {
      FakeSecurityGroup g = group(r.var("id"));
      requireRevision(r, g);
      if (g.name.equals("default")) {
        throw OpenStackErrors.conflict("Insufficient rights for removing default security group.")
            .withCode("SecurityGroupCannotRemoveDefault");
      }
      boolean inUse = state.ports.values().stream().anyMatch(p -> p.securityGroupIds.contains(g.id))
          || state.rules.values().stream().anyMatch(
              x -> g.id.equals(x.remoteGroupId()) && !x.securityGroupId().equals(g.id));
      if (inUse) {
        throw OpenStackErrors.conflict("Security Group " + g.id + " in use.")
            .withCode("SecurityGroupInUse");
      }
      state.rulesOf(g.id).forEach(x -> state.rules.remove(x.id()));
      state.securityGroups.remove(g.id);
      return Reply.empty(204);
    }
  }

  private Reply createRule(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "security_group_rule");
    synchronized (state) {
      FakeSecurityGroupRule rule = SecurityGroupRuleRequest.parse(body, state, Caller.projectId(r));
      for (FakeSecurityGroupRule existing : state.rules.values()) {
        if (existing.sameAs(rule)) {
          throw OpenStackErrors.conflict(
              "Security group rule already exists. Rule id is " + existing.id() + ".")
              .withCode("SecurityGroupRuleExists");
        }
      }
      state.rules.put(rule.id(), rule);
      bump(rule.securityGroupId());
      state.recordCreation("security_group_rule",
          rule.describe(state.securityGroups.get(rule.securityGroupId()).name));
      return Reply.json(201, wrap("security_group_rule", rule.toJson()));
    }
  }

  private Reply listRules(Request r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.rules.values().stream().map(FakeSecurityGroupRule::toJson).toList();
    }
    return NeutronLists.answer(r, "security_group_rules", all, state);
  }

  private Reply showRule(Request r) {
    synchronized (state) {
      return Reply.json(200, wrap("security_group_rule", rule(r.var("id")).toJson()));
    }
  }

  private Reply deleteRule(Request r) {
    synchronized (state) {
      FakeSecurityGroupRule rule = rule(r.var("id"));
      state.rules.remove(rule.id());
      bump(rule.securityGroupId());
      return Reply.empty(204);
    }
  }

  /** A rule change is a change of its group: real Neutron bumps the group's revision_number. */
  private void bump(String groupId) {
    FakeSecurityGroup g = state.securityGroups.get(groupId);
    if (g != null) {
      state.securityGroups.put(g.id, g.revised(g.name, g.description));
    }
  }

  /**
   * Neutron's compare-and-swap: {@code If-Match: revision_number=N} on a PUT or DELETE fails with 412
   * unless the group is at N. Any other If-Match value is ignored, as real Neutron ignores it.
   */
  private static void requireRevision(Request r, FakeSecurityGroup g) {
    Matcher m = IF_MATCH.matcher(String.valueOf(r.header("If-Match")));
    if (m.matches() && Long.parseLong(m.group(1)) != g.revision) {
      throw OpenStackErrors.of(412, "Constrained to " + m.group(1) + ", but current revision is " + g.revision)
          .withCode("RevisionNumberConstraintFailed");
    }
  }

  private FakeSecurityGroup group(String id) {
    FakeSecurityGroup g = state.securityGroups.get(id);
    if (g == null) {
      throw SecurityGroupRuleRequest.groupNotFound(id);
    }
    return g;
  }

  private FakeSecurityGroupRule rule(String id) {
    FakeSecurityGroupRule rule = state.rules.get(id);
    if (rule == null) {
      throw OpenStackErrors.notFound("Security group rule " + id + " does not exist")
          .withCode("SecurityGroupRuleNotFound");
    }
    return rule;
  }

  static ObjectNode wrap(String key, ObjectNode inner) {
    ObjectNode body = Json.object();
    body.set(key, inner);
    return body;
  }
}
