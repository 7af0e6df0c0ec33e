package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VPC networks of every project: by default only {@code default}, in auto mode with a subnetwork
 * {@code default} in each region, as in a fresh project; a test may drop it (organisation projects have
 * none) and add custom-mode networks with their subnetworks. The answers for a missing network or
 * subnetwork and for a custom-mode network without a subnetwork are GCE's 400s (audit A3, B6):
 * https://github.com/btcpayserver/btcpayserver-googlecloud/issues/7,
 * https://github.com/hashicorp/terraform-provider-google/issues/2140,
 * https://github.com/GoogleCloudPlatform/cluster-toolkit/pull/140,
 * https://github.com/hashicorp/terraform-provider-google/issues/7895.
 */
final class Networks {
  static final String DEFAULT = "default";

  private static final Pattern SUBNETWORK = Pattern.compile(
      "(?:https?://[^/]+/compute/v1/)?(?:projects/([^/]+)/)?regions/([^/]+)/subnetworks/([^/]+)");

  /** One VPC network. */
  record Network(String name, boolean autoMode) {
    String path(String project) {
      return ResourceLinks.globalPath(project, "networks", name);
    }
  }

  /** One subnetwork of a network in a region. */
  record Subnetwork(String network, String region, String name) {}

  private final Map<String, Network> networks = new ConcurrentHashMap<>();
  private final List<Subnetwork> subnetworks = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The fresh-project state, or none at all. */
  Networks(boolean withDefault) {
    if (withDefault) {
      networks.put(DEFAULT, new Network(DEFAULT, true));
    }
  }

  void addCustom(String name) {
    networks.put(name, new Network(name, false));
  }

  void addSubnetwork(String network, String region, String name) {
    subnetworks.add(new Subnetwork(network, region, name));
  }

  /** The network's full URL for a firewall; 400 when malformed or missing. */
  String requireNetwork(String field, String ref, String project) {
    return ResourceLinks.url(network(field, ref, project).path(project));
  }

  /** A NIC's network and subnetwork URLs, resolved as GCE does; throws GCE's 400s. */
  String[] requireNic(String at, String networkRef, String subnetworkRef, String project, String region) {
    Subnetwork subnet = null;
    if (subnetworkRef != null) {
      Matcher m = SUBNETWORK.matcher(subnetworkRef);
      String p = m.matches() && m.group(1) != null ? m.group(1) : project;
      subnet = m.matches() && p.equals(project) && m.group(2).equals(region) ? find(m.group(3), region) : null;
      if (subnet == null) {
        throw GoogleErrors.invalidField(at + ".subnetwork", subnetworkRef,
            "The referenced subnetwork resource cannot be found.");
      }
    }
    Network network = networkRef == null && subnet != null ? networks.get(subnet.network())
        : network(at + ".network", networkRef == null ? "global/networks/" + DEFAULT : networkRef, project);
    if (subnet == null) {
      if (!network.autoMode()) {
        throw GoogleErrors.invalidField(at, "", "Subnetwork should be specified for custom subnetmode network");
      }
      subnet = new Subnetwork(network.name(), region, network.name());
    } else if (!subnet.network().equals(network.name())) {
      throw ApiError.of(400, "badRequest", "Subnetwork \"" + subnetPath(project, subnet) + "\" is not valid for Network \""
          + network.name() + "\".");
    }
    return new String[] {ResourceLinks.url(network.path(project)), ResourceLinks.url(subnetPath(project, subnet))};
  }

  ObjectNode networkJson(String project, String name) {
    Network network = networks.get(name);
    if (network == null) {
      throw GoogleErrors.notFound(ResourceLinks.globalPath(project, "networks", name));
    }
    ObjectNode o = Json.object();
    o.put("kind", "compute#network");
    o.put("name", name);
    o.put("selfLink", ResourceLinks.url(network.path(project)));
    o.put("autoCreateSubnetworks", network.autoMode());
    o.putObject("routingConfig").put("routingMode", "REGIONAL");
    var list = o.putArray("subnetworks");
    for (Subnetwork s : subnetworksOf(network)) {
      list.add(ResourceLinks.url(subnetPath(project, s)));
    }
    return o;
  }

  ObjectNode subnetworkJson(String project, String region, String name) {
    Subnetwork subnet = find(name, region);
    if (subnet == null) {
      throw GoogleErrors.notFound("projects/" + project + "/regions/" + region + "/subnetworks/" + name);
    }
    ObjectNode o = Json.object();
    o.put("kind", "compute#subnetwork");
    o.put("name", name);
    o.put("network", ResourceLinks.url(ResourceLinks.globalPath(project, "networks", subnet.network())));
    o.put("region", ResourceLinks.regionUrl(project, region));
    o.put("ipCidrRange", ZoneCatalog.subnetPrefix(region) + "0/20");
    o.put("selfLink", ResourceLinks.url(subnetPath(project, subnet)));
    return o;
  }

  List<ObjectNode> subnetworksJson(String project, String region) {
    List<ObjectNode> out = new ArrayList<>();
    for (Network network : networks.values()) {
      for (Subnetwork s : subnetworksOf(network)) {
        if (s.region().equals(region)) {
          out.add(subnetworkJson(project, region, s.name()));
        }
      }
    }
    return out;
  }

  private Network network(String field, String ref, String project) {
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "networks");
    if (parsed == null || parsed.zone() != null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField(field, ref, "The URL is malformed.");
    }
    Network network = parsed.project().equals(project) ? networks.get(parsed.name()) : null;
    if (network == null) {
      throw GoogleErrors.invalidField(field, ref, "The referenced network resource cannot be found.");
    }
    return network;
  }

  /** An auto-mode network has one subnetwork per region, named after it. */
  private List<Subnetwork> subnetworksOf(Network network) {
    List<Subnetwork> out = new ArrayList<>();
    if (network.autoMode()) {
      for (String zone : ZoneCatalog.zones()) {
        Subnetwork s = new Subnetwork(network.name(), ZoneCatalog.requireRegion(zone), network.name());
        if (!out.contains(s)) {
          out.add(s);
        }
      }
    }
    subnetworks.stream().filter(s -> s.network().equals(network.name())).forEach(out::add);
    return out;
  }

  private Subnetwork find(String name, String region) {
    for (Network network : networks.values()) {
      for (Subnetwork s : subnetworksOf(network)) {
        if (s.name().equals(name) && s.region().equals(region)) {
          return s;
        }
      }
    }
    return null;
  }

  private static String subnetPath(String project, Subnetwork s) {
    return "projects/" + project + "/regions/" + s.region() + "/subnetworks/" + s.name();
  }
}
