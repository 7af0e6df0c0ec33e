package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.net.Cidr;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;

/** A Neutron network with its single IPv4 subnet, from which ports and floating IPs draw. */
final class FakeNetwork {
  final String id;
  final String name;
  final boolean external;
  final String subnetId;
  final Cidr cidr;
  final String tenantId;
  final Instant createdAt;

  FakeNetwork(String name, Cidr cidr, boolean external, String tenantId, Instant createdAt) {
    this.id = Ids.stableUuid("network-" + name);
    this.subnetId = Ids.stableUuid("subnet-" + name);
    this.name = name;
    this.cidr = cidr;
    this.external = external;
    this.tenantId = tenantId;
    this.createdAt = createdAt;
  }

  String gateway() {
    return cidr.address(1);
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("name", name);
    o.put("status", "ACTIVE");
    o.put("admin_state_up", true);
    o.put("shared", external);
    o.put("router:external", external);
    o.put("is_default", external);
    o.put("mtu", 1500);
    o.put("port_security_enabled", true);
    o.putArray("subnets").add(subnetId);
    o.putArray("availability_zones").add("nova");
    o.putArray("availability_zone_hints");
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.put("description", "");
    o.putArray("tags");
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(createdAt));
    o.put("revision_number", 1);
    return o;
  }

  ObjectNode subnetJson() {
    ObjectNode o = Json.object();
    o.put("id", subnetId);
    o.put("name", name + "-subnet");
    o.put("network_id", id);
    o.put("ip_version", 4);
    o.put("cidr", cidr.toString());
    o.put("gateway_ip", gateway());
    o.put("enable_dhcp", !external);
    o.putArray("allocation_pools")
        .addObject()
        .put("start", cidr.address(2))
        .put("end", cidr.address((int) cidr.size() - 2));
    o.putArray("dns_nameservers");
    o.putArray("host_routes");
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(createdAt));
    return o;
  }
}
