package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;
import java.util.List;

/** A Neutron port Nova made for a server: one fixed IP, the server's security groups. */
final class FakePort {
  final String id;
  final FakeNetwork network;
  final String deviceId;
  final String fixedIp;
  final String macAddress;
  final List<String> securityGroupIds;
  final String tenantId;
  final Instant createdAt;
  String status = "DOWN";

  FakePort(
      String id,
      FakeNetwork network,
      String deviceId,
      String fixedIp,
      String macAddress,
      List<String> securityGroupIds,
      String tenantId,
      Instant createdAt) {
    this.id = id;
    this.network = network;
    this.deviceId = deviceId;
    this.fixedIp = fixedIp;
    this.macAddress = macAddress;
    this.securityGroupIds = List.copyOf(securityGroupIds);
    this.tenantId = tenantId;
    this.createdAt = createdAt;
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("name", "");
    o.put("network_id", network.id);
    o.put("device_id", deviceId);
    o.put("device_owner", "compute:nova");
    o.put("mac_address", macAddress);
    o.put("status", status);
    o.put("admin_state_up", true);
    o.putArray("fixed_ips")
        .addObject()
        .put("subnet_id", network.subnetId)
        .put("ip_address", fixedIp);
    securityGroupIds.forEach(o.putArray("security_groups")::add);
    o.put("port_security_enabled", true);
    o.put("binding:vnic_type", "normal");
    o.putArray("allowed_address_pairs");
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(createdAt));
    return o;
  }
}
