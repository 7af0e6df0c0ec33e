package dev.hermitcloud.gce.fake;

import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.time.Duration;

/**
 * Zonal and global operations: GET (what the client polls) and POST .../wait, which blocks until
 * the operation is DONE or the wait limit passes and then answers the operation as it is.
 */
final class OperationsHandler {
  private final ComputeContext ctx;
  private volatile Duration maxWait;

  OperationsHandler(ComputeContext ctx, Duration maxWait) {
    this.ctx = ctx;
    this.maxWait = maxWait;
  }

  void register(Router router) {
    router.add("GET", RouteTemplates.ZONE_OPERATION, false, r -> answer(r, false));
    router.add("POST", RouteTemplates.ZONE_OPERATION_WAIT, false, r -> answer(r, true));
    router.add("GET", RouteTemplates.REGION_OPERATION, false, r -> answer(r, false));
    router.add("POST", RouteTemplates.REGION_OPERATION_WAIT, false, r -> answer(r, true));
    router.add("GET", RouteTemplates.GLOBAL_OPERATION, false, r -> answer(r, false));
    router.add("POST", RouteTemplates.GLOBAL_OPERATION_WAIT, false, r -> answer(r, true));
  }

  void maxWait(Duration maxWait) {
    this.maxWait = maxWait;
  }

  private Reply answer(Request request, boolean wait) throws InterruptedException {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    String region = request.var("region");
    if (zone != null) {
      ZoneCatalog.requireRegion(zone);
    }
    if (region != null) {
      ZoneCatalog.requireZones(region);
    }
    String name = request.var("operation");
    FakeOperation op = ctx.runner().find(project, zone != null ? zone : region, name).orElseThrow(() ->
        GoogleErrors.notFound(zone != null ? ResourceLinks.zonalPath(project, zone, "operations", name)
            : region != null ? ResourceLinks.regionalPath(project, region, "operations", name)
            : ResourceLinks.globalPath(project, "operations", name)));
    if (wait) {
      op.awaitDone(maxWait);
    }
    return Reply.ok(op.toJson());
  }
}
