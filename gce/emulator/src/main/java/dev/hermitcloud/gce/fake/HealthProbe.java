package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.net.Cidr;
import java.util.List;

/**
 * One autohealing probe of a managed instance. Google's probers come from 35.191.0.0/16 and
 * 130.211.0.0/22 (per http://mobile.dudasite.com/site/google108/default?url=http%3A%2F%2Fcloud.google.com%2Fload-balancing%2Fdocs%2Ffirewall-rules),
 * so an instance whose firewall does not admit both ranges on the check's port is UNHEALTHY, "If a
 * health check probe is sent from denied IP ranges, the health check to the backend will fail"
 * (per https://cloud.google.com/dotnet/docs/reference/Google.Cloud.NetworkManagement.V1/1.0.0/Google.Cloud.NetworkManagement.V1.LoadBalancerBackend.Types.HealthCheckFirewallState).
 * Past the firewall the app is taken to answer, unless a test said the template's app does not.
 */
final class HealthProbe {
  static final List<Cidr> PROBER_RANGES = List.of(Cidr.parse("35.191.0.0/16"), Cidr.parse("130.211.0.0/22"));

  private HealthProbe() {}

  /** HEALTHY or UNHEALTHY, GCE's detailedHealthState. Call with the store locked. */
  static String verdict(ComputeStore store, StoredResource instance, JsonNode healthCheck, boolean appAnswers) {
    if (!"RUNNING".equals(instance.status())) {
      return "UNHEALTHY";
    }
    String block = "TCP".equals(GoogleJson.text(healthCheck, "type")) ? "tcpHealthCheck" : "httpHealthCheck";
    int port = healthCheck.path(block).path("port").asInt(80);
    for (Cidr range : PROBER_RANGES) {
      if (!Reachability.admits(store, instance, range, port)) {
        return "UNHEALTHY";
      }
    }
    return appAnswers ? "HEALTHY" : "UNHEALTHY";
  }
}
