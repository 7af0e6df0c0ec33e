package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.List;

/** Nova flavors: a fixed, read-only catalogue. */
final class NovaFlavorApi {
  static final String FLAVORS = Service.NOVA.prefix + "/flavors";

  private final List<FakeFlavor> flavors;

  NovaFlavorApi(List<FakeFlavor> flavors) {
    this.flavors = List.copyOf(flavors);
  }

  void register(Router router) {
    router.add("GET", FLAVORS, r -> list(r, false));
    router.add("GET", FLAVORS + "/detail", r -> list(r, true));
    router.add("GET", FLAVORS + "/{id}", this::show);
  }

  /** A flavor by id, or by a URL ending in its id, as {@code flavorRef} may be; or null. */
  FakeFlavor find(String ref) {
    if (ref == null) {
      return null;
    }
    String id = ref.substring(ref.lastIndexOf('/') + 1);
    return flavors.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
  }

  private Reply list(Request r, boolean detail) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("flavors");
    for (FakeFlavor f : flavors) {
      if (fits(f, r)) {
        list.add(detail ? detail(f, r.baseUrl()) : summary(f, r.baseUrl()));
      }
    }
    return Reply.json(200, body);
  }

  /** Nova's {@code minDisk} and {@code minRam} list filters. */
  private static boolean fits(FakeFlavor f, Request r) {
    int minDisk = minimum(r, "minDisk");
    int minRam = minimum(r, "minRam");
    return f.diskGiB() >= minDisk && f.ramMiB() >= minRam;
  }

  private static int minimum(Request r, String filter) {
    String value = r.query(filter);
    if (value == null) {
      return 0;
    }
    if (!value.matches("[0-9]{1,9}")) {
      throw OpenStackErrors.badRequest("Invalid " + filter + " filter [" + value + "]");
    }
    return Integer.parseInt(value);
  }

  private Reply show(Request r) {
    FakeFlavor f = find(r.var("id"));
    if (f == null) {
      throw OpenStackErrors.notFound("Flavor " + r.var("id") + " could not be found.");
    }
    ObjectNode body = Json.object();
    body.set("flavor", detail(f, r.baseUrl()));
    return Reply.json(200, body);
  }

  private static ObjectNode summary(FakeFlavor f, String baseUrl) {
    ObjectNode o = Json.object();
    o.put("id", f.id());
    o.put("name", f.name());
    o.set("links", ServerJson.links(baseUrl, "flavors", f.id()));
    return o;
  }

  private static ObjectNode detail(FakeFlavor f, String baseUrl) {
    ObjectNode o = summary(f, baseUrl);
    o.put("vcpus", f.vcpus());
    o.put("ram", f.ramMiB());
    o.put("disk", f.diskGiB());
    o.put("swap", "");
    o.put("OS-FLV-EXT-DATA:ephemeral", 0);
    o.put("OS-FLV-DISABLED:disabled", false);
    o.put("os-flavor-access:is_public", true);
    o.put("rxtx_factor", 1.0);
    return o;
  }
}
