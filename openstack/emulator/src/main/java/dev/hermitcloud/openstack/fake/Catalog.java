package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;

/**
 * The service catalog a token carries: identity, compute, image and network, each with one public
 * endpoint in RegionOne, all on the host and port the client used to reach Keystone.
 */
final class Catalog {
  static final String REGION = "RegionOne";

  private Catalog() {}

  static ArrayNode render(String baseUrl) {
    ArrayNode catalog = Json.array();
    add(catalog, "identity", "keystone", baseUrl + "/v3");
    add(catalog, "compute", "nova", baseUrl + Service.NOVA.prefix);
    add(catalog, "image", "glance", baseUrl + Service.GLANCE.prefix);
    add(catalog, "network", "neutron", baseUrl + "/network");
    return catalog;
  }

  private static void add(ArrayNode catalog, String type, String name, String url) {
    ObjectNode service = catalog.addObject();
    service.put("id", Ids.stableUuid("service-" + type));
    service.put("type", type);
    service.put("name", name);
    service
        .putArray("endpoints")
        .addObject()
        .put("id", Ids.stableUuid("endpoint-" + type))
        .put("interface", "public")
        .put("region_id", REGION)
        .put("region", REGION)
        .put("url", url);
  }
}
