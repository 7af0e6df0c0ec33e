package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import java.util.Iterator;
import java.util.List;

/**
 * Nova 2.1 server groups ({@code /os-server-groups}), answered as real Nova (Zed) answers them at that
 * microversion: create is a 200 with the group, {@code policies} is a list of exactly one of {@code
 * affinity} or {@code anti-affinity} (the soft policies need 2.15), no other field is accepted, names
 * need not be unique, and deleting a group with members is allowed. Members are added as servers boot
 * with the {@code group} scheduler hint and removed as they are deleted ({@link NovaServerApi}).
 */
final class NovaServerGroupApi {
  static final String GROUPS = Service.NOVA.prefix + "/os-server-groups";
  private static final List<String> POLICIES = List.of("anti-affinity", "affinity");

  private final CloudState state;

  NovaServerGroupApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("POST", GROUPS, this::create);
    router.add("GET", GROUPS, this::list);
    router.add("GET", GROUPS + "/{id}", this::show);
    router.add("DELETE", GROUPS + "/{id}", this::delete);
  }

  private Reply create(Request r) {
    JsonNode group = Fields.wrapped(r.json(), "server_group");
    for (Iterator<String> names = group.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!field.equals("name") && !field.equals("policies")) {
        throw OpenStackErrors.badRequest("Invalid input for field/attribute server_group. Value: " + group
            + ". Additional properties are not allowed ('" + field + "' was unexpected)");
      }
    }
    String name = group.path("name").asText("");
    if (!group.path("name").isTextual() || name.isBlank()) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute server_group. Value: " + group
          + ". 'name' is a required property");
    }
    JsonNode policies = group.path("policies");
    if (!policies.isArray() || policies.size() != 1) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute policies. Value: " + policies
          + ". " + policies + " is not valid under any of the given schemas");
    }
    String policy = policies.get(0).asText();
    if (!POLICIES.contains(policy)) {
      throw OpenStackErrors.badRequest("Invalid input for field/attribute 0. Value: " + policy + ". '" + policy
          + "' is not one of ['anti-affinity', 'affinity']");
    }
    synchronized (state) {
      FakeServerGroup created = new FakeServerGroup(Ids.uuid(), name, policy, Caller.projectId(r));
      state.serverGroups.put(created.id, created);
      state.recordCreation("server-group", name);
      ObjectNode body = Json.object();
      body.set("server_group", created.json());
      return Reply.json(200, body);
    }
  }

  private Reply list(Request r) {
    ObjectNode body = Json.object();
    ArrayNode groups = body.putArray("server_groups");
    synchronized (state) {
      state.serverGroups.values().stream().filter(g -> g.projectId.equals(Caller.projectId(r)))
          .forEach(g -> groups.add(g.json()));
    }
    return Reply.json(200, body);
  }

  private Reply show(Request r) {
    synchronized (state) {
      ObjectNode body = Json.object();
      body.set("server_group", find(r).json());
      return Reply.json(200, body);
    }
  }

  private Reply delete(Request r) {
    synchronized (state) {
      state.serverGroups.remove(find(r).id);
      return Reply.empty(204);
    }
  }

  private FakeServerGroup find(Request r) {
    FakeServerGroup group = state.serverGroupOf(r.var("id"), Caller.projectId(r));
    if (group == null) {
      throw OpenStackErrors.notFound("Instance group " + r.var("id") + " could not be found.");
    }
    return group;
  }
}
