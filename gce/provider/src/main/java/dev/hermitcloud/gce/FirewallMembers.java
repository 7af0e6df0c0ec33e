package dev.hermitcloud.gce;

import com.google.cloud.compute.v1.Allowed;
import com.google.cloud.compute.v1.Firewall;
import dev.hermitcloud.resource.FirewallSpec;
import dev.hermitcloud.resource.Names;
import dev.hermitcloud.resource.Ownership;
import dev.hermitcloud.spec.Cidr;
import dev.hermitcloud.spec.FirewallRule;
import dev.hermitcloud.spec.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GCE firewalls that carry one {@link FirewallSpec}. A GCE firewall has one source list and one
 * priority (and may not mix IPv4 and IPv6 sources), while a spec's rules may differ in both, so the
 * rules are grouped by (address family, sources, priority) in the order they first appear. Member 0
 * is named like the spec ({@code hermit-<deployment>}), member {@code i} {@code hermit-<i>-<deployment>}:
 * deployment names start with a letter, so no other deployment's firewall can be called that (a
 * {@code -<i>} suffix could: {@code hermit-echo-1} is also deployment {@code echo-1}'s firewall). Each
 * member's description carries the ownership marks and {@code hermit-part=i/n}, so a reader can tell
 * a complete set from one a killed run left half-changed.
 */
final class FirewallMembers {
  static final String PART_KEY = "hermit-part";
  /** What every engine-made firewall name starts with. */
  private static final String PREFIX = Names.firewall("");
  private static final Pattern PART = Pattern.compile("(?:^|\\s)" + PART_KEY + "=(\\d+)/(\\d+)(?:\\s|$)");

  private FirewallMembers() {}

  /** Where a member stands in its set: index {@code index} of {@code count}. */
  record Part(int index, int count) {
    /** The part written in a description; a description without one is a set of one. */
    static Part of(String description) {
      Matcher m = PART.matcher(description == null ? "" : description);
      return m.find() ? new Part(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : new Part(0, 1);
    }
  }

  private record Group(boolean ipv6, List<String> sources, int priority) {}

  /** The firewalls {@code spec} needs on the network {@code networkPath} ({@code global/networks/N}), member 0 first. */
  static List<Firewall> of(FirewallSpec spec, Ownership ownership, String networkPath) {
    Map<Group, Set<Port>> groups = new LinkedHashMap<>();
    for (FirewallRule rule : spec.rules()) {
      for (boolean ipv6 : new boolean[] {false, true}) {
        List<String> sources = rule.sources().stream().filter(c -> c.isIpv6() == ipv6).map(Cidr::toString)
            .distinct().sorted().toList();
        if (!sources.isEmpty()) {
          groups.computeIfAbsent(new Group(ipv6, sources, rule.priority()), g -> new LinkedHashSet<>()).addAll(rule.ports());
        }
      }
    }
    List<Firewall> members = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Group, Set<Port>> group : groups.entrySet()) {
      members.add(Firewall.newBuilder()
          .setName(name(spec.name(), i))
          .setDescription("hermit-cloud ingress to deployment " + spec.deployment() + " " + ownership.toDescriptionLine()
              + " " + PART_KEY + "=" + i + "/" + groups.size())
          .setNetwork(networkPath)
          .setDirection("INGRESS")
          // sent, so that a patch re-enables a rule someone disabled (fields left out keep their value)
          .setDisabled(false)
          .setPriority(group.getKey().priority())
          .addAllSourceRanges(group.getKey().sources())
          .addTargetTags(spec.targetTag())
          .addAllAllowed(allowed(group.getValue()))
          .build());
      i++;
    }
    return members;
  }

  /** Member {@code index} of the set named {@code setName}. */
  static String name(String setName, int index) {
    if (index == 0) {
      return setName;
    }
    return setName.startsWith(PREFIX) ? PREFIX + index + "-" + setName.substring(PREFIX.length()) : setName + "-" + index;
  }

  /** An RE2 pattern (whole name) for the set's member 0 and every name a further member could have. */
  static String familyPattern(String setName) {
    String further = setName.startsWith(PREFIX) ? PREFIX + "[0-9]+-" + setName.substring(PREFIX.length()) : setName + "-[0-9]+";
    return setName + "|" + further;
  }

  /** The set a member belongs to, by its name and the part in its description. */
  static Optional<String> setName(Firewall member) {
    Part part = Part.of(member.getDescription());
    String name = member.getName();
    if (part.index() == 0) {
      return Optional.of(name);
    }
    String numbered = PREFIX + part.index() + "-";
    if (name.startsWith(numbered)) {
      return Optional.of(PREFIX + name.substring(numbered.length()));
    }
    String suffix = "-" + part.index();
    return name.endsWith(suffix) ? Optional.of(name.substring(0, name.length() - suffix.length())) : Optional.empty();
  }

  /** Whether the live firewall already says what {@code desired} says. */
  static boolean same(Firewall live, Firewall desired) {
    return live.getDescription().equals(desired.getDescription())
        && live.getPriority() == desired.getPriority()
        && Set.copyOf(live.getSourceRangesList()).equals(Set.copyOf(desired.getSourceRangesList()))
        && Set.copyOf(live.getTargetTagsList()).equals(Set.copyOf(desired.getTargetTagsList()))
        && live.getAllowedList().equals(desired.getAllowedList())
        && live.getDeniedCount() == 0
        && !live.getDisabled();
  }

  private static List<Allowed> allowed(Set<Port> ports) {
    Map<String, Set<String>> byProtocol = new LinkedHashMap<>();
    for (Port port : ports) {
      byProtocol.computeIfAbsent(port.protocol().wireName(), p -> new LinkedHashSet<>()).add(port.range());
    }
    List<Allowed> allowed = new ArrayList<>();
    byProtocol.forEach((protocol, ranges) -> allowed.add(Allowed.newBuilder().setIPProtocol(protocol).addAllPorts(ranges).build()));
    return allowed;
  }
}
