package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Neutron floating IPs: allocated from an external network's loopback range (first
 * {@code 127.0.1.2}), optionally on a port at creation, moved or released with PUT.
 */
final class NeutronFloatingIpApi {
  static final String FLOATING_IPS = Service.NEUTRON.prefix + "/floatingips";

  private final CloudState state;

  NeutronFloatingIpApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("POST", FLOATING_IPS, Service.NEUTRON, this::create);
    router.add("GET", FLOATING_IPS, Service.NEUTRON, this::list);
    router.add("GET", FLOATING_IPS + "/{id}", Service.NEUTRON, this::show);
    router.add("PUT", FLOATING_IPS + "/{id}", Service.NEUTRON, this::update);
    router.add("DELETE", FLOATING_IPS + "/{id}", Service.NEUTRON, this::delete);
  }

  private Reply create(ApiRequest r) {
    JsonNode body = r.wrapped("floatingip");
    String networkId = Json.text(body, "floating_network_id");
    if (networkId == null) {
      throw ApiException.badRequest("Failed to parse request. Required attribute "
          + "'floating_network_id' not specified").neutronType("HTTPBadRequest");
    }
    if (body.hasNonNull("floating_ip_address")) {
      throw ApiException.forbidden("(rule:create_floatingip and "
          + "rule:create_floatingip:floating_ip_address) is disallowed by policy")
          .neutronType("PolicyNotAuthorized");
    }
    synchronized (state) {
      FakeNetwork network = state.networks.get(networkId);
      if (network == null) {
        throw ApiException.notFound("Network " + networkId + " could not be found.")
            .neutronType("NetworkNotFound");
      }
      if (!network.external) {
        throw ApiException.badRequest("Bad floatingip request: Network " + networkId
            + " is not a valid external network.").neutronType("BadRequest");
      }
      FakePort port = portToAssociate(Json.text(body, "port_id"), null);
      String address = state.freeAddress(network);
      if (address == null) {
        throw ApiException.conflict("No more IP addresses available on network " + networkId
            + ".").neutronType("IpAddressGenerationFailure");
      }
      String description = Json.text(body, "description");
      FakeFloatingIp fip = new FakeFloatingIp(Ids.random(), state.nextSequence(), address,
          network, r.projectId(), description == null ? "" : description, Instant.now());
      fip.port = port;
      state.floatingIps.put(fip.id, fip);
      state.recordCreation("floating_ip", owner(port));
      return Reply.json(201, NeutronSecurityGroupApi.wrap("floatingip", fip.toJson()));
    }
  }

  private Reply update(ApiRequest r) {
    JsonNode body = r.wrapped("floatingip");
    synchronized (state) {
      FakeFloatingIp fip = find(r.param("id"));
      if (body.has("port_id")) {
        fip.port = portToAssociate(Json.text(body, "port_id"), fip);
      }
      fip.updatedAt = Instant.now();
      fip.revision++;
      return Reply.json(200, NeutronSecurityGroupApi.wrap("floatingip", fip.toJson()));
    }
  }

  private Reply list(ApiRequest r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.floatingIps.values().stream().map(FakeFloatingIp::toJson).toList();
    }
    return NeutronLists.answer(r, "floatingips", all);
  }

  private Reply show(ApiRequest r) {
    synchronized (state) {
      return Reply.json(200,
          NeutronSecurityGroupApi.wrap("floatingip", find(r.param("id")).toJson()));
    }
  }

  private Reply delete(ApiRequest r) {
    synchronized (state) {
      state.floatingIps.remove(find(r.param("id")).id);
      return Reply.empty(204);
    }
  }

  /** The port named in a request, checked free of other floating IPs; null for none. */
  private FakePort portToAssociate(String portId, FakeFloatingIp self) {
    if (portId == null) {
      return null;
    }
    FakePort port = state.ports.get(portId);
    if (port == null) {
      throw ApiException.notFound("Port " + portId + " could not be found.")
          .neutronType("PortNotFound");
    }
    FakeFloatingIp other = state.floatingIpOn(port);
    if (other != null && other != self) {
      throw ApiException.conflict("Cannot associate floating IP " + other.address + " ("
          + other.id + ") with port " + port.id + " using fixed IP " + port.fixedIp
          + ", as that fixed IP already has a floating IP on external network "
          + other.network.id + ".").neutronType("FloatingIPPortAlreadyAssociated");
    }
    return port;
  }

  /** The creation-count name: the server the port belongs to, or "-" for none. */
  private String owner(FakePort port) {
    if (port == null) {
      return "-";
    }
    FakeServer server = state.servers.get(port.deviceId);
    return server == null ? port.deviceId : server.name;
  }

  private FakeFloatingIp find(String id) {
    FakeFloatingIp fip = state.floatingIps.get(id);
    if (fip == null) {
      throw ApiException.notFound("Floating IP " + id + " could not be found")
          .neutronType("FloatingIPNotFound");
    }
    return fip;
  }
}
