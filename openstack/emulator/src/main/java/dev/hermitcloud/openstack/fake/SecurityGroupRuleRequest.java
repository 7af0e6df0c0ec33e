package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.net.Cidr;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns a {@code security_group_rule} body into a {@link FakeSecurityGroupRule}, with Neutron's
 * checks and error types: direction, ethertype matching the prefix, protocol names or numbers,
 * TCP/UDP port ranges 1-65535 with min <= max, ICMP type/code 0-255, a valid CIDR.
 */
final class SecurityGroupRuleRequest {
  private static final Set<String> ATTRIBUTES =
      Set.of("security_group_id", "direction", "ethertype", "protocol", "port_range_min",
          "port_range_max", "remote_ip_prefix", "remote_group_id", "remote_address_group_id",
          "description", "tenant_id", "project_id", "normalized_cidr");
  private static final Set<String> PROTOCOLS =
      Set.of("ah", "dccp", "egp", "esp", "gre", "hopopt", "icmp", "igmp", "ipip", "ipv6-encap",
          "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "ospf",
          "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp");
  private static final Set<String> PORT_PROTOCOLS =
      Set.of("tcp", "udp", "udplite", "sctp", "dccp", "6", "17", "136", "132", "33");
  private static final Set<String> ICMP_PROTOCOLS =
      Set.of("icmp", "icmpv6", "ipv6-icmp", "1", "58");

  private SecurityGroupRuleRequest() {}

  /** Validates and normalises; call with the state's monitor held. */
  static FakeSecurityGroupRule parse(JsonNode body, CloudState state, String tenantId) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!ATTRIBUTES.contains(field)) {
        throw invalid("Unrecognized attribute(s) '" + field + "'");
      }
    }
    String groupId = Fields.text(body, "security_group_id");
    if (groupId == null) {
      throw invalid("Failed to parse request. Required attribute 'security_group_id' not "
          + "specified");
    }
    if (!state.securityGroups.containsKey(groupId)) {
      throw groupNotFound(groupId);
    }
    String direction = Fields.text(body, "direction");
    if (!"ingress".equals(direction) && !"egress".equals(direction)) {
      throw invalid("Invalid input for direction. Reason: '" + direction
          + "' is not in ['ingress', 'egress'].");
    }
    String ethertype = Fields.text(body, "ethertype");
    ethertype = ethertype == null ? "IPv4" : ethertype;
    if (!ethertype.equals("IPv4") && !ethertype.equals("IPv6")) {
      throw invalid("Invalid input for ethertype. Reason: '" + ethertype
          + "' is not in ['IPv4', 'IPv6'].");
    }
    String protocol = protocol(Fields.text(body, "protocol"));
    Integer min = port(body, "port_range_min");
    Integer max = port(body, "port_range_max");
    checkPorts(protocol, min, max);
    String prefix = prefix(Fields.text(body, "remote_ip_prefix"), ethertype);
    String remoteGroup = Fields.text(body, "remote_group_id");
    if (remoteGroup != null && prefix != null) {
      throw OpenStackErrors.badRequest("Only remote_ip_prefix or remote_group_id may be provided.")
          .withCode("SecurityGroupRemoteGroupAndRemoteIpPrefix");
    }
    if (remoteGroup != null && !state.securityGroups.containsKey(remoteGroup)) {
      throw groupNotFound(remoteGroup);
    }
    String description = Fields.text(body, "description");
    return new FakeSecurityGroupRule(Ids.uuid(), groupId, direction, ethertype, protocol, min,
        max, prefix, remoteGroup, description == null ? "" : description, tenantId,
        Instant.now());
  }

  private static String protocol(String protocol) {
    if (protocol == null || protocol.equals("any")) {
      return null;
    }
    String p = protocol.toLowerCase();
    if (PROTOCOLS.contains(p)) {
      return p;
    }
    if (p.matches("[0-9]{1,3}") && Integer.parseInt(p) <= 255) {
      return Integer.toString(Integer.parseInt(p));
    }
    throw OpenStackErrors.badRequest("Security group rule protocol " + protocol + " not "
        + "supported. Only protocol values " + PROTOCOLS.stream().sorted().toList()
        + " and integer representations [0 to 255] are supported.")
        .withCode("SecurityGroupRuleInvalidProtocol");
  }

  private static Integer port(JsonNode body, String field) {
    Integer value;
    try {
      value = Fields.integer(body, field);
    } catch (ApiError e) {
      throw invalid("Invalid value for port " + body.get(field));
    }
    if (value != null && (value < 0 || value > 65535)) {
      throw invalid("Invalid value for port " + value);
    }
    return value;
  }

  private static void checkPorts(String protocol, Integer min, Integer max) {
    if (min == null && max == null) {
      return;
    }
    if (protocol == null) {
      throw OpenStackErrors.badRequest("Must also specify protocol if port range is given.")
          .withCode("SecurityGroupProtocolRequiredWithPorts");
    }
    if (PORT_PROTOCOLS.contains(protocol)) {
      if (Integer.valueOf(0).equals(min) || Integer.valueOf(0).equals(max)) {
        throw invalid("Invalid value for port 0");
      }
      if (min == null || max == null || min > max) {
        throw OpenStackErrors.badRequest(
            "For TCP/UDP protocols, port_range_min must be <= port_range_max")
            .withCode("SecurityGroupInvalidPortRange");
      }
    } else if (ICMP_PROTOCOLS.contains(protocol)) {
      if (min == null) {
        throw OpenStackErrors.badRequest("ICMP code (port-range-max) " + max
            + " is provided but ICMP type (port-range-min) is missing.")
            .withCode("SecurityGroupMissingIcmpType");
      }
      for (Integer v : new Integer[] {min, max}) {
        if (v != null && v > 255) {
          throw OpenStackErrors.badRequest("Invalid value for ICMP " + (v.equals(min) ? "type"
              : "code") + ": " + v + ". It must be 0 to 255.")
              .withCode("SecurityGroupInvalidIcmpValue");
        }
      }
    } else {
      throw OpenStackErrors.badRequest("Invalid protocol " + protocol + " for port range, only "
          + "supported for TCP, UDP, UDPLITE, SCTP and DCCP protocols")
          .withCode("SecurityGroupInvalidProtocolForPortRange");
    }
  }

  private static String prefix(String text, String ethertype) {
    if (text == null) {
      return null;
    }
    Cidr cidr = Cidr.tryParse(text).orElse(null);
    if (cidr == null) {
      throw invalid("Invalid input for remote_ip_prefix. Reason: '" + text
          + "' is not a valid IP subnet.");
    }
    if (cidr.isIpv6() != ethertype.equals("IPv6")) {
      throw OpenStackErrors.badRequest("Conflicting value ethertype " + ethertype + " for CIDR "
          + text).withCode("SecurityGroupRuleParameterConflict");
    }
    return cidr.toString();
  }

  private static ApiError invalid(String message) {
    return OpenStackErrors.badRequest(message).withCode("InvalidInput");
  }

  static ApiError groupNotFound(String id) {
    return OpenStackErrors.notFound("Security group " + id + " does not exist")
        .withCode("SecurityGroupNotFound");
  }
}
