package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.net.Cidr;
import dev.hermitcloud.emulator.time.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * A Neutron security group rule, already validated and normalised. Null protocol, ports or prefix
 * mean "any", as in Neutron.
 */
record FakeSecurityGroupRule(
    String id,
    String securityGroupId,
    String direction,
    String ethertype,
    String protocol,
    Integer portRangeMin,
    Integer portRangeMax,
    String remoteIpPrefix,
    String remoteGroupId,
    String description,
    String tenantId,
    Instant createdAt) {

  /** Neutron's duplicate test: same group and same match fields, whatever the id or description. */
  boolean sameAs(FakeSecurityGroupRule o) {
    return securityGroupId.equals(o.securityGroupId)
        && direction.equals(o.direction)
        && ethertype.equals(o.ethertype)
        && Objects.equals(protocol, o.protocol)
        && Objects.equals(portRangeMin, o.portRangeMin)
        && Objects.equals(portRangeMax, o.portRangeMax)
        && Objects.equals(remoteIpPrefix, o.remoteIpPrefix)
        && Objects.equals(remoteGroupId, o.remoteGroupId);
  }

  /** True if this ingress rule lets a TCP connection from {@code source} reach {@code port}. */
  boolean allowsTcpFrom(String source, int port) {
    if (!direction.equals("ingress") || !ethertype.equals("IPv4")) {
      return false;
    }
    if (protocol != null && !protocol.equals("tcp") && !protocol.equals("6")) {
      return false;
    }
    if (portRangeMin != null && (port < portRangeMin || port > portRangeMax)) {
      return false;
    }
    return remoteGroupId == null
        && (remoteIpPrefix == null || Cidr.parse(remoteIpPrefix).contains(source));
  }

  /** A readable key for creation counts, e.g. {@code web-allow ingress IPv4 tcp 8000-8000 0.0.0.0/0}. */
  String describe(String groupName) {
    String ports = portRangeMin == null ? "any" : portRangeMin + "-" + portRangeMax;
    return groupName + " " + direction + " " + ethertype + " " + (protocol == null ? "any" : protocol)
        + " " + ports + " " + (remoteIpPrefix == null ? "any" : remoteIpPrefix);
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("security_group_id", securityGroupId);
    o.put("direction", direction);
    o.put("ethertype", ethertype);
    o.put("protocol", protocol);
    o.put("port_range_min", portRangeMin);
    o.put("port_range_max", portRangeMax);
    o.put("remote_ip_prefix", remoteIpPrefix);
    o.put("remote_group_id", remoteGroupId);
    o.put("description", description);
    o.put("tenant_id", tenantId);
    o.put("project_id", tenantId);
    o.put("created_at", Timestamps.seconds(createdAt));
    o.put("updated_at", Timestamps.seconds(createdAt));
    o.put("revision_number", 0);
    return o;
  }
}
