package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
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
    router.add("POST", FLOATING_IPS, this::create);
    router.add("GET", FLOATING_IPS, this::list);
    router.add("GET", FLOATING_IPS + "/{id}", this::show);
    router.add("PUT", FLOATING_IPS + "/{id}", this::update);
    router.add("DELETE", FLOATING_IPS + "/{id}", this::delete);
  }

  private Reply create(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "floatingip");
    String networkId = Fields.text(body, "floating_network_id");
    if (networkId == null) {
      throw OpenStackErrors.badRequest("Failed to parse request. Required attribute "
          + "'floating_network_id' not specified").withCode("HTTPBadRequest");
    }
    if (body.hasNonNull("floating_ip_address")) {
      throw OpenStackErrors.forbidden("(rule:create_floatingip and "
          + "rule:create_floatingip:floating_ip_address) is disallowed by policy")
          .withCode("PolicyNotAuthorized");
    }
    synchronized (state) {
      FakeNetwork network = state.networks.get(networkId);
      if (network == null) {
        throw OpenStackErrors.notFound("Network " + networkId + " could not be found.")
            .withCode("NetworkNotFound");
      }
      if (!network.external) {
        throw OpenStackErrors.badRequest("Bad floatingip request: Network " + networkId
            + " is not a valid external network.").withCode("BadRequest");
      }
      FakePort port = portToAssociate(Fields.text(body, "port_id"), null);
      String address = state.freeAddress(network);
      if (address == null) {
        throw OpenStackErrors.conflict("No more IP addresses available on network " + networkId
            + ".").withCode("IpAddressGenerationFailure");
      }
      String description = Fields.text(body, "description");
      FakeFloatingIp fip = new FakeFloatingIp(Ids.uuid(), state.nextSequence(), address,
          network, Caller.projectId(r), description == null ? "" : description, Instant.now());
      fip.port = port;
      state.floatingIps.put(fip.id, fip);
      state.recordCreation("floating_ip", owner(port));
      return Reply.json(201, NeutronSecurityGroupApi.wrap("floatingip", fip.toJson()));
    }
  }

  private Reply update(Request r) {
    JsonNode body = Fields.wrapped(r.json(), "floatingip");
    synchronized (state) {
      FakeFloatingIp fip = find(r.var("id"));
      if (body.has("port_id")) {
        fip.port = portToAssociate(Fields.text(body, "port_id"), fip);
      }
      fip.updatedAt = Instant.now();
      fip.revision++;
      return Reply.json(200, NeutronSecurityGroupApi.wrap("floatingip", fip.toJson()));
    }
  }

  private Reply list(Request r) {
    List<ObjectNode> all;
    synchronized (state) {
      all = state.floatingIps.values().stream().map(FakeFloatingIp::toJson).toList();
    }
    return NeutronLists.answer(r, "floatingips", all, state);
  }

  private Reply show(Request r) {
    synchronized (state) {
      return Reply.json(200,
          NeutronSecurityGroupApi.wrap("floatingip", find(r.var("id")).toJson()));
    }
  }

  private Reply delete(Request r) {
    synchronized (state) {
      state.floatingIps.remove(find(r.var("id")).id);
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
      throw OpenStackErrors.notFound("Port " + portId + " could not be found.")
          .withCode("PortNotFound");
    }
    FakeFloatingIp other = state.floatingIpOn(port);
    if (other != null && other != self) {
      throw OpenStackErrors.conflict("Cannot associate floating IP " + other.address + " ("
          + other.id + ") with port " + port.id + " using fixed IP " + port.fixedIp
          + ", as that fixed IP already has a floating IP on external network "
          + other.network.id + ".").withCode("FloatingIPPortAlreadyAssociated");
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
      throw OpenStackErrors.notFound("Floating IP " + id + " could not be found")
          .withCode("FloatingIPNotFound");
    }
    return fip;
  }
}
