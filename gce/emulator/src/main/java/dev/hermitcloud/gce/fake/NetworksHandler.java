package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;

/** Networks and subnetworks, read-only: get a network, get and list a region's subnetworks. */
final class NetworksHandler {
  private final ComputeContext ctx;

  NetworksHandler(ComputeContext ctx) {
    this.ctx = ctx;
  }

  void register(Router router) {
    router.add("GET", RouteTemplates.NETWORK, false, this::network);
    router.add("GET", RouteTemplates.SUBNETWORKS, false, this::subnetworks);
    router.add("GET", RouteTemplates.SUBNETWORK, false, this::subnetwork);
  }

  private Reply network(Request request) {
    String project = ctx.requireProject(request.var("project"));
    return Reply.ok(ctx.networks().networkJson(project, request.var("network")));
  }

  private Reply subnetwork(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String region = requireRegion(request.var("region"));
    return Reply.ok(ctx.networks().subnetworkJson(project, region, request.var("subnetwork")));
  }

  private Reply subnetworks(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String region = requireRegion(request.var("region"));
    return ListPage.reply(request, "compute#subnetworkList", "projects/" + project + "/regions/" + region + "/subnetworks",
        ctx.networks().subnetworksJson(project, region));
  }

  private static String requireRegion(String region) {
    for (String zone : ZoneCatalog.zones()) {
      if (ZoneCatalog.requireRegion(zone).equals(region)) {
        return region;
      }
    }
    throw GoogleErrors.invalidField("region", region, "Unknown region.");
  }
}
