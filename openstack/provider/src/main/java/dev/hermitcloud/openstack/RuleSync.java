package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Operation;
import dev.hermitcloud.CloudException;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.Ownership;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.network.SecurityGroupRule;

/**
 * Makes a security group's ingress rules those of the spec (missing ones added first, then extra ones
 * removed), then writes the spec's ownership marks into its description. It starts from what Neutron
 * holds, so a sync cut short is simply done again; until the marks are written, the group still reads as
 * unfinished (created) or as the old spec (updated), and a retry or the next run carries on.
 */
final class RuleSync {
  private final Clients clients;
  private final String groupId;
  private final FirewallSpec spec;
  private final Ownership ownership;
  private final String verb;

  RuleSync(Clients clients, String groupId, FirewallSpec spec, Ownership ownership, String verb) {
    this.clients = clients;
    this.groupId = groupId;
    this.spec = spec;
    this.ownership = ownership;
    this.verb = verb;
  }

  /** Writes what is missing; returns the finished step. */
  Operation run() throws Exception {
    OSClientV3 os = clients.os();
    SecurityGroup group = os.networking().securitygroup().get(groupId);
    if (group == null) {
      throw new CloudException(409, "security group " + spec.name() + " (" + groupId
          + ") was deleted while its rules were written; re-run apply");
    }
    List<? extends SecurityGroupRule> rules = os.networking().securityrule().list(Map.of("security_group_id", groupId));
    Map<IngressRule, String> present = new HashMap<>();
    for (SecurityGroupRule rule : rules) {
      IngressRule ingress = IngressRule.of(rule);
      if ("ingress".equals(rule.getDirection())) {
        present.put(ingress == null ? new IngressRule("?", "?", 0, 0, rule.getId()) : ingress, rule.getId());
      }
    }
    Set<IngressRule> wanted = IngressRule.of(spec);
    for (IngressRule rule : wanted) {
      if (!present.containsKey(rule)) {
        add(os, rule);
      }
    }
    for (Map.Entry<IngressRule, String> rule : present.entrySet()) {
      if (!wanted.contains(rule.getKey())) {
        os.networking().securityrule().delete(rule.getValue()); // Neutron's 404 is swallowed: gone is gone
      }
    }
    String description = ownership.toDescriptionLine();
    if (!description.equals(group.getDescription())) {
      os.networking().securitygroup().update(groupId, Builders.securityGroupUpdate().description(description).build());
    }
    return Operation.completed(verb + " firewall " + spec.name());
  }

  private void add(OSClientV3 os, IngressRule rule) {
    try {
      os.networking().securityrule().create(Builders.securityGroupRule().securityGroupId(groupId).direction("ingress")
          .ethertype(rule.ethertype()).protocol(rule.protocol()).portRangeMin(rule.from()).portRangeMax(rule.to())
          .remoteIpPrefix(rule.source()).description("hermit-cloud: " + rule).build());
    } catch (org.openstack4j.api.exceptions.ClientResponseException e) {
      // the rule exists already: an earlier poll made it and lost the answer (a 409 for quota is not that)
      if (e.getStatus() != 409 || !String.valueOf(e.getMessage()).contains("already exists")) {
        throw e;
      }
    }
  }
}
