package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.net.Cidr;
import dev.hermitcloud.emulator.net.PortRange;
import java.util.Set;

/**
 * Validates a firewall rule like GCE and fills its defaults (network URL, direction INGRESS,
 * priority 1000, source 0.0.0.0/0 when no source is given). Firewalls have no labels in GCE.
 */
final class FirewallValidator {
  private static final Set<String> PROTOCOLS =
      Set.of("tcp", "udp", "icmp", "esp", "ah", "sctp", "ipip", "all");
  private static final Set<String> PROTOCOLS_WITH_PORTS = Set.of("tcp", "udp", "sctp");

  private FirewallValidator() {}

  /** Returns a validated copy with defaults; throws the 4xx GCE would answer. */
  static ObjectNode normalize(ObjectNode rule, String project, Networks networks) {
    ObjectNode out = rule.deepCopy();
    FieldRules.name("resource.name", GoogleJson.text(rule, "name"));
    FieldRules.description("resource.description", GoogleJson.text(rule, "description"));
    if (rule.has("labels")) {
      throw GoogleErrors.invalid("Invalid JSON payload received. Unknown name \"labels\" at"
          + " 'resource': Cannot find field.");
    }
    String network = GoogleJson.text(rule, "network");
    out.put("network", networks.requireNetwork("resource.network",
        network == null ? "global/networks/default" : network, project));
    String direction = GoogleJson.text(rule, "direction");
    if (direction == null) {
      direction = "INGRESS";
    }
    if (!direction.equals("INGRESS") && !direction.equals("EGRESS")) {
      throw GoogleErrors.invalidField("resource.direction", direction,
          "Must be INGRESS or EGRESS.");
    }
    out.put("direction", direction);
    JsonNode priority = rule.get("priority");
    long p = priority == null || priority.isNull() ? 1000 : GoogleJson.int64(rule, "priority");
    if (p < 0 || p > 65535) {
      throw GoogleErrors.invalidField("resource.priority", String.valueOf(p),
          "Must be between 0 and 65535.");
    }
    out.put("priority", (int) p);
    boolean hasAllowed = rule.path("allowed").size() > 0;
    boolean hasDenied = rule.path("denied").size() > 0;
    if (hasAllowed == hasDenied) {
      throw GoogleErrors.invalidField("resource", "",
          "Exactly one of 'allowed' or 'denied' must be specified.");
    }
    checkPermissions(hasAllowed ? "resource.allowed" : "resource.denied",
        rule.get(hasAllowed ? "allowed" : "denied"));
    checkRanges("resource.sourceRanges", rule.get("sourceRanges"));
    checkRanges("resource.destinationRanges", rule.get("destinationRanges"));
    FieldRules.tags("resource.sourceTags", rule.get("sourceTags"));
    FieldRules.tags("resource.targetTags", rule.get("targetTags"));
    if (rule.path("targetTags").size() > 0 && rule.path("targetServiceAccounts").size() > 0) {
      throw GoogleErrors.invalidField("resource.targetServiceAccounts", "",
          "targetTags and targetServiceAccounts cannot both be specified.");
    }
    if (direction.equals("INGRESS") && rule.path("sourceRanges").isEmpty()
        && rule.path("sourceTags").isEmpty() && rule.path("sourceServiceAccounts").isEmpty()) {
      out.putArray("sourceRanges").add("0.0.0.0/0");
    }
    if (direction.equals("EGRESS") && rule.path("destinationRanges").isEmpty()) {
      out.putArray("destinationRanges").add("0.0.0.0/0");
    }
    FieldRules.bool(rule, "disabled", "resource.disabled");
    if (!out.has("disabled")) {
      out.put("disabled", false);
    }
    if (!out.has("logConfig")) {
      out.putObject("logConfig").put("enable", false);
    }
    return out;
  }

  private static void checkPermissions(String field, JsonNode entries) {
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String at = field + "[" + i + "]";
      String protocol = GoogleJson.text(entry, "IPProtocol");
      if (protocol == null || !(PROTOCOLS.contains(protocol) || isProtocolNumber(protocol))) {
        throw GoogleErrors.invalidField(at + ".IPProtocol", protocol,
            "Must be one of " + PROTOCOLS + " or an IP protocol number.");
      }
      JsonNode ports = entry.get("ports");
      if (ports != null && !ports.isEmpty()) {
        if (!PROTOCOLS_WITH_PORTS.contains(protocol)) {
          throw GoogleErrors.invalidField(at + ".ports", ports.toString(),
              "Ports may only be specified for tcp, udp and sctp.");
        }
        for (int j = 0; j < ports.size(); j++) {
          checkPorts(at + ".ports[" + j + "]", ports.get(j).asText());
        }
      }
    }
  }

  private static void checkRanges(String field, JsonNode ranges) {
    if (ranges == null || ranges.isNull()) {
      return;
    }
    ArrayNode array = ranges.isArray() ? (ArrayNode) ranges : null;
    if (array == null) {
      throw GoogleErrors.invalidField(field, ranges.toString(), "Must be a list.");
    }
    for (int i = 0; i < array.size(); i++) {
      String range = array.get(i).asText();
      // GCE forgives spaces around a range, so trimmed here, not in the kit's Cidr
      if (Cidr.tryParse(range.trim()).isEmpty()) {
        throw GoogleErrors.invalidField(field + "[" + i + "]", range, "Must be a CIDR address range"
            + " that is contained in the valid IP address space (e.g. 10.0.0.0/8 or 0.0.0.0/0).");
      }
    }
  }

  private static void checkPorts(String field, String text) {
    try {
      PortRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw GoogleErrors.invalidField(field, text,
          "Must be a port (0-65535) or a range such as 8000-8010.");
    }
  }

  private static boolean isProtocolNumber(String protocol) {
    try {
      int n = Integer.parseInt(protocol);
      return n >= 0 && n <= 255;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
