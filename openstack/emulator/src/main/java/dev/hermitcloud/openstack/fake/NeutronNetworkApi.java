package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.List;
import java.util.function.Function;

/** Neutron networks, subnets and ports: read-only here, as Nova makes the ports. */
final class NeutronNetworkApi {
  static final String PREFIX = Service.NEUTRON.prefix;

  private final CloudState state;

  NeutronNetworkApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("GET", PREFIX + "/networks", r -> list(r, "networks",
        s -> s.networks.values().stream().map(FakeNetwork::toJson).toList()));
    router.add("GET", PREFIX + "/networks/{id}", r -> show(r, "network", "Network", s -> {
      FakeNetwork n = s.networks.get(r.var("id"));
      return n == null ? null : n.toJson();
    }));
    router.add("GET", PREFIX + "/subnets", r -> list(r, "subnets",
        s -> s.networks.values().stream().map(FakeNetwork::subnetJson).toList()));
    router.add("GET", PREFIX + "/subnets/{id}", r -> show(r, "subnet", "Subnet",
        s -> s.networks.values().stream().filter(n -> n.subnetId.equals(r.var("id")))
            .findFirst().map(FakeNetwork::subnetJson).orElse(null)));
    router.add("GET", PREFIX + "/ports", r -> list(r, "ports",
        s -> s.ports.values().stream().map(FakePort::toJson).toList()));
    router.add("GET", PREFIX + "/ports/{id}", r -> show(r, "port", "Port", s -> {
      FakePort p = s.ports.get(r.var("id"));
      return p == null ? null : p.toJson();
    }));
  }

  private Reply list(Request r, String collection, Function<CloudState, List<ObjectNode>> all) {
    List<ObjectNode> items;
    synchronized (state) {
      items = all.apply(state);
    }
    return NeutronLists.answer(r, collection, items, state);
  }

  private Reply show(
      Request r, String key, String kind, Function<CloudState, ObjectNode> one) {
    ObjectNode item;
    synchronized (state) {
      item = one.apply(state);
    }
    if (item == null) {
      throw OpenStackErrors.notFound(kind + " " + r.var("id") + " could not be found.")
          .withCode(kind + "NotFound");
    }
    ObjectNode body = Json.object();
    body.set(key, item);
    return Reply.json(200, body);
  }
}
