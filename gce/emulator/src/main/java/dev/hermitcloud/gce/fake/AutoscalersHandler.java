package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.util.List;
import java.util.Map;

/**
 * Autoscalers, zonal or regional (regionAutoscalers, for regional managers): insert, get, list, delete, patch and update (both on the collection with
 * {@code ?autoscaler=NAME}, as the API has them). What an autoscaler does to its manager is in {@link
 * Autoscaling}; the manager's controller applies it after every change.
 */
final class AutoscalersHandler {
  private static final List<String> SERVER_FIELDS =
      List.of("kind", "id", "creationTimestamp", "selfLink", "zone", "status", "recommendedSize", "region");

  private final ComputeContext ctx;
  private final boolean regional;
  private final ComputeKind kind;
  private final ResourceRoutes routes;

  AutoscalersHandler(ComputeContext ctx, boolean regional) {
    this.ctx = ctx;
    this.regional = regional;
    this.kind = regional ? ComputeKind.REGION_AUTOSCALER : ComputeKind.AUTOSCALER;
    this.routes = new ResourceRoutes(ctx, kind, "autoscaler", "autoscaler");
  }

  void register(Router router) {
    String collection = regional ? RouteTemplates.REGION_AUTOSCALERS : RouteTemplates.AUTOSCALERS;
    String one = regional ? RouteTemplates.REGION_AUTOSCALER : RouteTemplates.AUTOSCALER;
    router.add("POST", collection, true, this::insert);
    router.add("GET", collection, false, routes::list);
    router.add("GET", one, false, routes::get);
    router.add("DELETE", one, true, r -> routes.delete(r, autoscaler -> { }));
    router.add("PATCH", collection, true, r -> change(r, true));
    router.add("PUT", collection, true, r -> change(r, false));
  }

  private Reply insert(Request request) {
    ObjectNode body = GoogleJson.body(request);
    ResourceKey key = key(request, GoogleJson.text(body, "name"));
    return ctx.mutate(request, key.project(), () -> {
      ObjectNode given = body.deepCopy();
      SERVER_FIELDS.forEach(given::remove);
      ObjectNode json = AutoscalerSpec.normalize(ctx.store(), key, given);
      if (regional) {
        json.put("region", ResourceLinks.regionUrl(key.project(), key.region()));
      } else {
        json.put("zone", ResourceLinks.zoneUrl(key.project(), key.zone()));
      }
      json.put("status", "PENDING");
      return routes.insert(request, key, json);
    });
  }

  /** The autoscaler's key in the request's zone or region (checked). */
  private ResourceKey key(Request request, String name) {
    String project = ctx.requireProject(request.var("project"));
    if (regional) {
      ZoneCatalog.requireZones(request.var("region"));
      return ResourceKey.regional(kind, project, request.var("region"), name);
    }
    ZoneCatalog.requireRegion(request.var("zone"));
    return ResourceKey.zonal(kind, project, request.var("zone"), name);
  }

  /** PATCH merges the given fields, PUT replaces them; the name comes from {@code autoscaler} or the body. */
  private Reply change(Request request, boolean merge) {
    ObjectNode body = GoogleJson.body(request);
    String name = request.query("autoscaler") != null ? request.query("autoscaler") : GoogleJson.text(body, "name");
    if (name == null) {
      throw GoogleErrors.required("autoscaler");
    }
    ResourceKey key = key(request, name);
    return ctx.mutate(request, key.project(), () -> {
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
      ObjectNode next = AutoscalerSpec.normalize(ctx.store(), key, merged);
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
