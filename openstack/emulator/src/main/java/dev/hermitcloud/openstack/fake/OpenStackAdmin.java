package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.admin.AdminApi;
import dev.hermitcloud.emulator.fault.FaultJson;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.stats.RequestStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The kit's {@code /_fake} API ({@link AdminApi}: stats, faults, reset, app stand-in) with what
 * OpenStack adds:
 *
 * <ul>
 *   <li>in {@code GET /_fake/stats}: {@code resources} (every resource's JSON by kind), the app
 *       stand-in's {@code app_endpoints}, and {@code mutating} (= {@code mutatingRequests});
 *   <li>in the {@code POST /_fake/faults} document, cloud-side failures: {@code {"expireTokens":
 *       true}}, {@code {"failNextServer": "message"}} (or {@code true} for no valid host), {@code
 *       {"killNextUpload": true}}; a reset disarms them too;
 *   <li>{@code POST /_fake/console/{serverId}}: append the body to the server's console;
 *   <li>{@code POST /_fake/timings}: {@code {"buildMs","saveMs","deleteMs"}}.
 * </ul>
 */
final class OpenStackAdmin {
  private OpenStackAdmin() {}

  static AdminApi create(FakeOpenStack cloud, RequestStats stats) {
    CloudFailures failures = cloud.failures();
    return new AdminApi(stats, cloud.faults(), new FaultJson(Map.of()))
        .statsExtra(json -> {
          // the name this fake's stats had before the kit's mutatingRequests; tools still read it
          json.put("mutating", stats.mutatingRequests());
          resources(cloud, json.putObject("resources"));
          ArrayNode endpoints = json.putArray("app_endpoints");
          cloud.appEndpoints().forEach(endpoints::add);
        })
        .event("expireTokens", json -> failures.expireAllTokens())
        .event("failNextServer", json -> {
          String message = json.asText();
          failures.failNextServer(message.isEmpty() || message.equals("true")
              ? CloudFailures.NO_VALID_HOST : message);
        })
        .event("killNextUpload", json -> failures.killNextUpload())
        .afterReset(failures::clear)
        .appStandIn(cloud::appStandIn)
        .route("POST", "console/{serverId}", r -> {
          cloud.appendConsoleOutput(r.var("serverId"), new String(r.body(), StandardCharsets.UTF_8));
          return Reply.empty(204);
        })
        .route("POST", "timings", r -> {
          JsonNode t = AdminApi.body(r);
          if (t.has("buildMs")) {
            cloud.timings().build(Duration.ofMillis(t.get("buildMs").asLong()));
          }
          if (t.has("saveMs")) {
            cloud.timings().save(Duration.ofMillis(t.get("saveMs").asLong()));
          }
          if (t.has("deleteMs")) {
            cloud.timings().delete(Duration.ofMillis(t.get("deleteMs").asLong()));
          }
          return Reply.empty(204);
        });
  }

  private static void resources(FakeOpenStack cloud, ObjectNode resources) {
    add(resources, "images", cloud.images());
    add(resources, "servers", cloud.servers());
    add(resources, "security_groups", cloud.securityGroups());
    add(resources, "security_group_rules", cloud.securityGroupRules());
    add(resources, "floating_ips", cloud.floatingIps());
    add(resources, "ports", cloud.ports());
    add(resources, "networks", cloud.networks());
  }

  private static void add(ObjectNode resources, String key, List<FakeResource> list) {
    ArrayNode array = resources.putArray(key);
    list.forEach(r -> array.add(r.fields()));
  }
}
