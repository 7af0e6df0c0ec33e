package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;
import java.util.Collection;

/**
 * A Neutron security group; its rules live in {@link CloudState} beside it. Its {@code revision_number}
 * starts at 1 and goes up with every change to the group or its rules, as on real Neutron (Zed).
 */
final class FakeSecurityGroup {
  final String id;
  final long sequence;
  final String name;
  final String description;
  final String tenantId;
  final Instant createdAt;
  final long revision;

  FakeSecurityGroup(String id, long sequence, String name, String description, String tenantId,
      Instant createdAt, long revision) {
    this.id = id;
    this.sequence = sequence;
    this.name = name;
    this.description = description;
    this.tenantId = tenantId;
    this.createdAt = createdAt;
    this.revision = revision;
  }

  /** The group after a change to it or to its rules. */
  FakeSecurityGroup revised(String newName, String newDescription) {
    return new FakeSecurityGroup(id, sequence, newName, newDescription, tenantId, createdAt, revision + 1);
  }

  ObjectNode toJson(Collection<FakeSecurityGroupRule> rules) {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("name", name);
    o.put("description", description);
    o.put("stateful", true);
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.putArray("tags");
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(createdAt));
    o.put("revision_number", revision);
    ArrayNode array = o.putArray("security_group_rules");
    rules.forEach(r -> array.add(r.toJson()));
    return o;
  }
}
