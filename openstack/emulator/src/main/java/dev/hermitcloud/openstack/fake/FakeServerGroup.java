package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;

/** A Nova server group; mutable, guarded by the {@link CloudState} monitor. */
final class FakeServerGroup {
  final String id;
  final String name;
  /** One policy, in the list that microversion 2.1 shows. */
  final String policy;
  final String projectId;
  /** Server ids, in the order they were booted into the group. */
  final List<String> members = new ArrayList<>();

  FakeServerGroup(String id, String name, String policy, String projectId) {
    this.id = id;
    this.name = name;
    this.policy = policy;
    this.projectId = projectId;
  }

  /** As real Nova (Zed) shows it at 2.1: {@code metadata} is always empty and cannot be set. */
  ObjectNode json() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("name", name);
    o.putArray("policies").add(policy);
    o.putObject("metadata");
    var m = o.putArray("members");
    members.forEach(m::add);
    return o;
  }
}
