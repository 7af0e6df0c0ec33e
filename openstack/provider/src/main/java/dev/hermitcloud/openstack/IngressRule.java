package dev.hermitcloud.openstack;

import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.FirewallRule;
import dev.hermitcloud.spec.Port;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openstack4j.model.network.SecurityGroupRule;

/**
 * One Neutron ingress rule as the deployment means it: a protocol, a port range and a source network.
 * Prefixes are compared in canonical form, and "no prefix" is the whole address family, as in Neutron.
 */
record IngressRule(String ethertype, String protocol, int from, int to, String source) {

  /** One rule per port range and source of the spec. */
  static Set<IngressRule> of(FirewallSpec spec) {
    Set<IngressRule> rules = new LinkedHashSet<>();
    for (FirewallRule rule : spec.rules()) {
      for (Port port : rule.ports()) {
        for (Cidr source : rule.sources()) {
          rules.add(new IngressRule(source.isIpv6() ? "IPv6" : "IPv4", port.protocol().wireName(), port.from(), port.to(),
              source.toString()));
        }
      }
    }
    return rules;
  }

  /** The rule as the deployment would state it, or null for a rule we never write (egress, remote groups, ICMP...). */
  static IngressRule of(SecurityGroupRule rule) {
    if (!"ingress".equals(rule.getDirection()) || rule.getRemoteGroupId() != null || rule.getProtocol() == null
        || rule.getPortRangeMin() == null || rule.getPortRangeMax() == null) {
      return null;
    }
    String ethertype = rule.getEtherType() == null ? "IPv4" : rule.getEtherType();
    String prefix = rule.getRemoteIpPrefix();
    String source;
    if (prefix == null) {
      source = ethertype.equals("IPv6") ? "::/0" : "0.0.0.0/0";
    } else {
      try {
        source = Cidr.parse(prefix).toString();
      } catch (IllegalArgumentException e) {
        source = prefix;
      }
    }
    return new IngressRule(ethertype, rule.getProtocol().toLowerCase(java.util.Locale.ROOT), rule.getPortRangeMin(),
        rule.getPortRangeMax(), source);
  }

  @Override
  public String toString() {
    return protocol + ":" + (from == to ? Integer.toString(from) : from + "-" + to) + " from " + source;
  }
}
