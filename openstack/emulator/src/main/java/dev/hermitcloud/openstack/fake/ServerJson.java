package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.util.LinkedHashSet;
import java.util.Set;

/** Nova 2.1's server representations: the summary in lists and the full detail. */
final class ServerJson {
  private ServerJson() {}

  static ObjectNode summary(FakeServer s, String baseUrl) {
    ObjectNode o = Json.object();
    o.put("id", s.id);
    o.put("name", s.name);
    o.set("links", links(baseUrl, "servers", s.id));
    return o;
  }

  /** The full server; call with the state's monitor held. */
  static ObjectNode detail(FakeServer s, CloudState state, String baseUrl) {
    ObjectNode o = summary(s, baseUrl);
    o.put("status", s.status);
    o.put("tenant_id", s.tenantId);
    o.put("user_id", s.userId);
    o.set("metadata", Json.MAPPER.valueToTree(s.metadata));
    o.put("hostId", s.launchedAt == null ? "" : Ids.stableHex("host-" + s.tenantId) + "00000000");
    ObjectNode image = o.putObject("image").put("id", s.imageId);
    image.set("links", bookmark(baseUrl, "images", s.imageId));
    ObjectNode flavor = o.putObject("flavor").put("id", s.flavorId);
    flavor.set("links", bookmark(baseUrl, "flavors", s.flavorId));
    o.put("created", Timestamps.seconds(s.createdAt));
    o.put("updated", Timestamps.seconds(s.updatedAt));
    o.set("addresses", addresses(s, state));
    o.put("accessIPv4", "");
    o.put("accessIPv6", "");
    o.put("OS-DCF:diskConfig", "MANUAL");
    o.put("progress", 0);
    o.put("OS-EXT-AZ:availability_zone", s.launchedAt == null ? "" : "nova");
    o.put("config_drive", "");
    o.put("key_name", s.keyName);
    o.put("OS-SRV-USG:launched_at", Timestamps.microsWithoutZone(s.launchedAt));
    o.putNull("OS-SRV-USG:terminated_at");
    o.put("OS-EXT-STS:task_state", s.taskState);
    o.put("OS-EXT-STS:vm_state", s.vmState);
    o.put("OS-EXT-STS:power_state", s.powerState);
    o.putArray("os-extended-volumes:volumes_attached");
    ArrayNode groups = o.putArray("security_groups");
    securityGroupNames(s, state).forEach(n -> groups.addObject().put("name", n));
    if (s.faultMessage != null) {
      o.putObject("fault")
          .put("code", s.faultCode)
          .put("message", s.faultMessage)
          .put("created", Timestamps.seconds(s.faultAt));
    }
    return o;
  }

  /** The groups on the server's ports, as Nova reports them; before ports exist, those asked for. */
  static Set<String> securityGroupNames(FakeServer s, CloudState state) {
    Set<String> names = new LinkedHashSet<>();
    for (FakePort port : state.portsOf(s.id)) {
      for (String id : port.securityGroupIds) {
        FakeSecurityGroup group = state.securityGroups.get(id);
        if (group != null) {
          names.add(group.name);
        }
      }
    }
    if (names.isEmpty() && !s.status.equals("ERROR")) {
      names.addAll(s.requestedSecurityGroups);
    }
    return names;
  }

  private static ObjectNode addresses(FakeServer s, CloudState state) {
    ObjectNode addresses = Json.object();
    for (FakePort port : state.portsOf(s.id)) {
      ArrayNode list = addresses.withArrayProperty(port.network.name);
      list.addObject()
          .put("version", 4)
          .put("addr", port.fixedIp)
          .put("OS-EXT-IPS:type", "fixed")
          .put("OS-EXT-IPS-MAC:mac_addr", port.macAddress);
      FakeFloatingIp fip = state.floatingIpOn(port);
      if (fip != null) {
        list.addObject()
            .put("version", 4)
            .put("addr", fip.address)
            .put("OS-EXT-IPS:type", "floating")
            .put("OS-EXT-IPS-MAC:mac_addr", port.macAddress);
      }
    }
    return addresses;
  }

  static ArrayNode links(String baseUrl, String collection, String id) {
    ArrayNode links = Json.array();
    links.addObject().put("rel", "self")
        .put("href", baseUrl + Service.NOVA.prefix + "/" + collection + "/" + id);
    links.addObject().put("rel", "bookmark")
        .put("href", baseUrl + "/compute/" + collection + "/" + id);
    return links;
  }

  private static ArrayNode bookmark(String baseUrl, String collection, String id) {
    ArrayNode links = Json.array();
    links.addObject().put("rel", "bookmark")
        .put("href", baseUrl + "/compute/" + collection + "/" + id);
    return links;
  }
}
