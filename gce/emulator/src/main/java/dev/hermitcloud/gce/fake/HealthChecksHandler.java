package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;

/**
 * Global health checks: insert (GET sees it when the operation is DONE), get, list, delete; a check
 * that a group manager's autohealing policy names cannot be deleted.
 */
final class HealthChecksHandler {
  private final ComputeContext ctx;
  private final ResourceRoutes routes;

  HealthChecksHandler(ComputeContext ctx) {
    this.ctx = ctx;
    this.routes = new ResourceRoutes(ctx, ComputeKind.HEALTH_CHECK, "healthCheck");
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.HEALTH_CHECKS, true, this::insert);
    router.add("GET", RouteTemplates.HEALTH_CHECKS, false, routes::list);
    router.add("GET", RouteTemplates.HEALTH_CHECK, false, routes::get);
    router.add("DELETE", RouteTemplates.HEALTH_CHECK, true,
        r -> routes.delete(r, check -> GroupReferences.refuseHealthCheckInUse(ctx.store(), check)));
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      ObjectNode json = HealthCheckValidator.normalize(body);
      String name = GoogleJson.text(json, "name");
      return routes.insert(request, ResourceKey.global(ComputeKind.HEALTH_CHECK, project, name), json);
    });
  }
}
