package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.util.List;
import java.util.Map;

/**
 * Zonal autoscalers: insert, get, list, delete, patch and update (both on the collection with
 * {@code ?autoscaler=NAME}, as the API has them). What an autoscaler does to its manager is in {@link
 * Autoscaling}; the manager's controller applies it after every change.
 */
final class AutoscalersHandler {
  private static final List<String> SERVER_FIELDS =
      List.of("kind", "id", "creationTimestamp", "selfLink", "zone", "status", "recommendedSize", "region");

  private final ComputeContext ctx;
  private final ResourceRoutes routes;

  AutoscalersHandler(ComputeContext ctx) {
    this.ctx = ctx;
    this.routes = new ResourceRoutes(ctx, ComputeKind.AUTOSCALER, "autoscaler");
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.AUTOSCALERS, true, this::insert);
    router.add("GET", RouteTemplates.AUTOSCALERS, false, routes::list);
    router.add("GET", RouteTemplates.AUTOSCALER, false, routes::get);
    router.add("DELETE", RouteTemplates.AUTOSCALER, true, r -> routes.delete(r, autoscaler -> { }));
    router.add("PATCH", RouteTemplates.AUTOSCALERS, true, r -> change(r, true));
    router.add("PUT", RouteTemplates.AUTOSCALERS, true, r -> change(r, false));
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      ObjectNode given = body.deepCopy();
      SERVER_FIELDS.forEach(given::remove);
      String name = GoogleJson.text(given, "name");
      ObjectNode json = AutoscalerSpec.normalize(ctx.store(), project, zone, given, name);
      json.put("zone", ResourceLinks.zoneUrl(project, zone));
      json.put("status", "PENDING");
      return routes.insert(request, ResourceKey.zonal(ComputeKind.AUTOSCALER, project, zone, name), json);
    });
  }

  /** PATCH merges the given fields, PUT replaces them; the name comes from {@code autoscaler} or the body. */
  private Reply change(Request request, boolean merge) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    ObjectNode body = GoogleJson.body(request);
    String name = request.query("autoscaler") != null ? request.query("autoscaler") : GoogleJson.text(body, "name");
    if (name == null) {
      throw GoogleErrors.required("autoscaler");
    }
    ResourceKey key = ResourceKey.zonal(ComputeKind.AUTOSCALER, project, zone, name);
    return ctx.mutate(request, project, () -> {
      StoredResource autoscaler = ctx.requireVisible(key);
      ComputeContext.requireIdle(autoscaler);
      ObjectNode given = body.deepCopy();
      SERVER_FIELDS.forEach(given::remove);
      if (given.has("name") && !name.equals(GoogleJson.text(given, "name"))) {
        throw GoogleErrors.invalidField("resource.name", GoogleJson.text(given, "name"),
            "The name of an autoscaler cannot be changed.");
      }
      ObjectNode merged = merge ? autoscaler.json().deepCopy() : given;
      if (merge) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
          JsonNode old = merged.get(e.getKey());
          if (old != null && old.isObject() && e.getValue().isObject()) {
            ((ObjectNode) old).setAll((ObjectNode) e.getValue().deepCopy());
          } else {
            merged.set(e.getKey(), e.getValue().deepCopy());
          }
        }
      }
      merged.put("name", name);
      ObjectNode next = AutoscalerSpec.normalize(ctx.store(), project, zone, merged, name);
      for (String server : SERVER_FIELDS) {
        if (autoscaler.json().has(server)) {
          next.set(server, autoscaler.json().get(server).deepCopy());
        }
      }
      return ctx.runner().start(request, merge ? "patch" : "update", autoscaler, new OperationWork() {
        @Override
        public OperationError complete() {
          autoscaler.json(next);
          return null;
        }

        @Override
        public void fail(OperationError error) {}
      });
    });
  }
}
