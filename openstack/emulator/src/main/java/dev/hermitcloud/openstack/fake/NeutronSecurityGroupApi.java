package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Neutron security groups and their rules. A new group comes with Neutron's two default egress
 * rules; a group in use by a port cannot be deleted; an identical rule is a 409.
 */
final class NeutronSecurityGroupApi {
  static final String GROUPS = Service.NEUTRON.prefix + "/security-groups";
  static final String RULES = Service.NEUTRON.prefix + "/security-group-rules";

  private final CloudState state;

  NeutronSecurityGroupApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("POST", GROUPS, Service.NEUTRON, this::createGroup);
    router.add("GET", GROUPS, Service.NEUTRON, this::listGroups);
    router.add("GET", GROUPS + "/{id}", Service.NEUTRON, this::showGroup);
    router.add("PUT", GROUPS + "/{id}", Service.NEUTRON, this::updateGroup);
    router.add("DELETE", GROUPS + "/{id}", Service.NEUTRON, this::deleteGroup);
    router.add("POST", RULES, Service.NEUTRON, this::createRule);
    router.add("GET", RULES, Service.NEUTRON, this::listRules);
    router.add("GET", RULES + "/{id}", Service.NEUTRON, this::showRule);
    router.add("DELETE", RULES + "/{id}", Service.NEUTRON, this::deleteRule);
  }

  /** Makes a group with the default egress rules; the monitor must be held. */
  static FakeSecurityGroup addGroup(
      CloudState state, String name, String description, String tenantId) {
    Instant now = Instant.now();
    FakeSecurityGroup group =
        new FakeSecurityGroup(Ids.random(), state.nextSequence(), name, description, tenantId, now);
    state.securityGroups.put(group.id, group);
    for (String ethertype : List.of("IPv4", "IPv6")) {
      FakeSecurityGroupRule rule = new FakeSecurityGroupRule(Ids.random(), group.id, "egress",
          ethertype, null, null, null, null, null, "", tenantId, now);
      state.rules.put(rule.id(), rule);
    }
    return group;
  }

  private Reply createGroup(ApiRequest r) {
    JsonNode body = r.wrapped("security_group");
    String name = Json.text(body, "name");
    String description = Json.text(body, "description");
    name = name == null ? "" : name;
    if (name.length() > 255 || (description != null && description.length() > 255)) {
      throw ApiException.badRequest("Invalid input for name. Reason: '" + name
          + "' exceeds maximum length of 255.").neutronType("InvalidInput");
    }
    synchronized (state) {
      if (name.equals("default")) {
        throw ApiException.conflict("Default security group already exists.")
            .neutronType("SecurityGroupDefaultAlreadyExists");
      }
      FakeSecurityGroup group =
          addGroup(state, name, description == null ? "" : description, r.projectId());
      state.recordCreation("security_group", name);
      return Reply.json(201, wrap("security_group", group.toJson(state.rulesOf(group.id))));
    }
  }

  private Reply listGroups(ApiRequest r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.securityGroups.values().stream()
          .map(g -> g.toJson(state.rulesOf(g.id))).toList();
    }
    return NeutronLists.answer(r, "security_groups", all);
  }

  private Reply showGroup(ApiRequest r) {
    synchronized (state) {
      FakeSecurityGroup g = group(r.param("id"));
      return Reply.json(200, wrap("security_group", g.toJson(state.rulesOf(g.id))));
    }
  }

  private Reply updateGroup(ApiRequest r) {
    JsonNode body = r.wrapped("security_group");
    synchronized (state) {
      FakeSecurityGroup old = group(r.param("id"));
      String name = body.has("name") ? Json.text(body, "name") : old.name;
      String description =
          body.has("description") ? Json.text(body, "description") : old.description;
      if (old.name.equals("default") && !"default".equals(name)) {
        throw ApiException.conflict("Insufficient rights for removing default security group.")
            .neutronType("SecurityGroupCannotUpdateDefault");
      }
      FakeSecurityGroup updated = new FakeSecurityGroup(old.id, old.sequence,
          name == null ? "" : name, description == null ? "" : description, old.tenantId,
          old.createdAt);
      state.securityGroups.put(old.id, updated);
      return Reply.json(200, wrap("security_group", updated.toJson(state.rulesOf(old.id))));
    }
  }

  private Reply deleteGroup(ApiRequest r) {
    synchronized (state) {
      FakeSecurityGroup g = group(r.param("id"));
      if (g.name.equals("default")) {
        throw ApiException.conflict("Insufficient rights for removing default security group.")
            .neutronType("SecurityGroupCannotRemoveDefault");
      }
      boolean inUse = state.ports.values().stream().anyMatch(p -> p.securityGroupIds.contains(g.id))
          || state.rules.values().stream().anyMatch(
              x -> g.id.equals(x.remoteGroupId()) && !x.securityGroupId().equals(g.id));
      if (inUse) {
        throw ApiException.conflict("Security Group " + g.id + " in use.")
            .neutronType("SecurityGroupInUse");
      }
      state.rulesOf(g.id).forEach(x -> state.rules.remove(x.id()));
      state.securityGroups.remove(g.id);
      return Reply.empty(204);
    }
  }

  private Reply createRule(ApiRequest r) {
    JsonNode body = r.wrapped("security_group_rule");
    synchronized (state) {
      FakeSecurityGroupRule rule = SecurityGroupRuleRequest.parse(body, state, r.projectId());
      for (FakeSecurityGroupRule existing : state.rules.values()) {
        if (existing.sameAs(rule)) {
          throw ApiException.conflict(
              "Security group rule already exists. Rule id is " + existing.id() + ".")
              .neutronType("SecurityGroupRuleExists");
        }
      }
      state.rules.put(rule.id(), rule);
      state.recordCreation("security_group_rule",
          rule.describe(state.securityGroups.get(rule.securityGroupId()).name));
      return Reply.json(201, wrap("security_group_rule", rule.toJson()));
    }
  }

  private Reply listRules(ApiRequest r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.rules.values().stream().map(FakeSecurityGroupRule::toJson).toList();
    }
    return NeutronLists.answer(r, "security_group_rules", all);
  }

  private Reply showRule(ApiRequest r) {
    synchronized (state) {
      return Reply.json(200, wrap("security_group_rule", rule(r.param("id")).toJson()));
    }
  }

  private Reply deleteRule(ApiRequest r) {
    synchronized (state) {
      state.rules.remove(rule(r.param("id")).id());
      return Reply.empty(204);
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
      throw ApiException.notFound("Security group rule " + id + " does not exist")
          .neutronType("SecurityGroupRuleNotFound");
    }
    return rule;
  }

  static ObjectNode wrap(String key, ObjectNode inner) {
    ObjectNode body = Json.object();
    body.set(key, inner);
    return body;
  }
}
