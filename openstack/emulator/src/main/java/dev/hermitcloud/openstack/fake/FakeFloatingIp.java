package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;

/** A Neutron floating IP: a loopback address from the external network, maybe on a port. */
final class FakeFloatingIp {
  final String id;
  final long sequence;
  final String address;
  final FakeNetwork network;
  final String tenantId;
  final String description;
  final Instant createdAt;
  Instant updatedAt;
  FakePort port;
  int revision;

  FakeFloatingIp(
      String id,
      long sequence,
      String address,
      FakeNetwork network,
      String tenantId,
      String description,
      Instant createdAt) {
    this.id = id;
    this.sequence = sequence;
    this.address = address;
    this.network = network;
    this.tenantId = tenantId;
    this.description = description;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("floating_ip_address", address);
    o.put("floating_network_id", network.id);
    o.put("port_id", port == null ? null : port.id);
    o.put("fixed_ip_address", port == null ? null : port.fixedIp);
    o.put("router_id", port == null ? null : Ids.stableUuid("router-" + network.name));
    o.put("status", port == null ? "DOWN" : "ACTIVE");
    o.put("description", description);
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.putArray("tags");
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(updatedAt));
    o.put("revision_number", revision);
    return o;
  }
}
