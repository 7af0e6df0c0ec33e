package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.List;
import java.util.Map;

/**
 * Instance group managers, zonal or regional (regionInstanceGroupManagers, whose instances spread
 * over the zones of their distribution policy; the same resource and controller): insert, get, list, patch, resize and delete, each DONE when the
 * manager's record changes, "even if the instances in the group have not yet been created"
 * (per https://cloud.google.com/compute/docs/reference/latest/instanceGroupManagers/insert), except delete,
 * DONE when its instances are gone; listManagedInstances. {@link GroupController} does the rest.
 */
final class InstanceGroupManagersHandler {
  /** What a client may not set; the fake keeps its own. */
  private static final List<String> SERVER_FIELDS = List.of("kind", "id", "creationTimestamp", "selfLink", "zone",
      "instanceGroup", "fingerprint", "currentActions", "status", "region");

  private final ComputeContext ctx;
  private final boolean regional;
  private final ResourceRoutes routes;

  InstanceGroupManagersHandler(ComputeContext ctx, boolean regional) {
    this.ctx = ctx;
    this.regional = regional;
    this.routes = new ResourceRoutes(ctx, regional ? ComputeKind.REGION_INSTANCE_GROUP_MANAGER
        : ComputeKind.INSTANCE_GROUP_MANAGER, "instanceGroupManager", "instanceGroupManager");
  }

  void register(Router router) {
    String collection = regional ? RouteTemplates.REGION_INSTANCE_GROUP_MANAGERS : RouteTemplates.INSTANCE_GROUP_MANAGERS;
    String one = regional ? RouteTemplates.REGION_INSTANCE_GROUP_MANAGER : RouteTemplates.INSTANCE_GROUP_MANAGER;
    router.add("POST", collection, true, this::insert);
    router.add("GET", collection, false, routes::list);
    router.add("GET", one, false, routes::get);
    router.add("DELETE", one, true, this::delete);
    router.add("PATCH", one, true, this::patch);
    router.add("POST", regional ? RouteTemplates.REGION_INSTANCE_GROUP_MANAGER_RESIZE
        : RouteTemplates.INSTANCE_GROUP_MANAGER_RESIZE, true, this::resize);
    router.add("POST", regional ? RouteTemplates.REGION_INSTANCE_GROUP_MANAGER_MANAGED_INSTANCES
        : RouteTemplates.INSTANCE_GROUP_MANAGER_MANAGED_INSTANCES, false, this::managedInstances);
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    String region = request.var("region");
    if (regional) {
      ZoneCatalog.requireZones(region);
    } else {
      ZoneCatalog.requireRegion(zone);
    }
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      ObjectNode json = ManagerSpec.normalize(ctx.store(), project, zone, region, withoutServerFields(body));
      String name = GoogleJson.text(json, "name");
      ResourceKey key = regional
          ? ResourceKey.regional(ComputeKind.REGION_INSTANCE_GROUP_MANAGER, project, region, name)
          : ResourceKey.zonal(ComputeKind.INSTANCE_GROUP_MANAGER, project, zone, name);
      if (regional) {
        json.put("region", ResourceLinks.regionUrl(project, region));
        json.put("instanceGroup", ResourceLinks.url(ResourceLinks.regionalPath(project, region, "instanceGroups", name)));
      } else {
        json.put("zone", ResourceLinks.zoneUrl(project, zone));
        json.put("instanceGroup", ResourceLinks.url(ResourceLinks.zonalPath(project, zone, "instanceGroups", name)));
      }
      json.put("listManagedInstancesResults", "PAGELESS");
      StoredResource manager = ctx.addNew(key, "instanceGroupManager", json, false);
      json.put("fingerprint", Fingerprints.of(Json.object().put("id", manager.id()).put("v", 0)));
      return ctx.runner().start(request, "insert", manager, new OperationWork() {
        @Override
        public OperationError complete() {
          manager.visible(true);
          ctx.groups().adopt(manager);
          return null;
        }

        @Override
        public void fail(OperationError error) {
          ctx.store().remove(manager.key());
        }
      });
    });
  }

  /** A JSON merge of the given fields (as firewalls' patch), validated again as a whole. */
  private Reply patch(Request request) {
    ResourceKey key = routes.key(request);
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, key.project(), () -> {
      StoredResource manager = ctx.requireVisible(key);
      ComputeContext.requireIdle(manager);
      String name = GoogleJson.text(body, "name");
      if (name != null && !name.equals(key.name())) {
        throw GoogleErrors.invalidField("resource.name", name, "The name of a managed instance group cannot be changed.");
      }
      ObjectNode merged = manager.json().deepCopy();
      ObjectNode given = withoutServerFields(body);
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
        merged.set(e.getKey(), e.getValue().deepCopy());
      }
      // a new instanceTemplate alone replaces the versions; new versions alone name the template
      if (given.has("instanceTemplate") && !given.has("versions")) {
        merged.remove("versions");
      } else if (given.has("versions") && !given.has("instanceTemplate")) {
        merged.remove("instanceTemplate");
      }
      if (given.has("targetSize") && !given.path("updatePolicy").isObject()) {
        merged.set("updatePolicy", recalculable(merged.path("updatePolicy")));
      }
      ObjectNode next = ManagerSpec.normalize(ctx.store(), key.project(), key.zone(), key.region(), merged);
      for (String server : SERVER_FIELDS) {
        if (manager.json().has(server)) {
          next.set(server, manager.json().get(server).deepCopy());
        }
      }
      next.put("fingerprint", Fingerprints.of(next));
      return ctx.runner().start(request, "patch", manager, replaceWith(manager, next));
    });
  }

  private Reply resize(Request request) {
    ResourceKey key = routes.key(request);
    Long size = GoogleJson.queryInt64(request, "size");
    if (size == null) {
      throw GoogleErrors.required("size");
    }
    if (size < 0 || size > 1000) {
      throw GoogleErrors.invalidField("size", size.toString(), "Must be between 0 and 1000.");
    }
    return ctx.mutate(request, key.project(), () -> {
      StoredResource manager = ctx.requireVisible(key);
      ComputeContext.requireIdle(manager);
      ObjectNode next = manager.json().deepCopy();
      next.put("targetSize", size.intValue());
      next.set("updatePolicy", UpdatePolicy.normalize(recalculable(next.path("updatePolicy")), size.intValue(),
          ManagerSpec.zonesOf(next).size()));
      return ctx.runner().start(request, "resize", manager, replaceWith(manager, next));
    });
  }

  private Reply delete(Request request) {
    ResourceKey key = routes.key(request);
    return ctx.mutate(request, key.project(), () -> {
      StoredResource manager = ctx.requireVisible(key);
      ComputeContext.requireIdle(manager);
      return ctx.groups().delete(manager);
    });
  }

  private Reply managedInstances(Request request) {
    ResourceKey key = routes.key(request);
    synchronized (ctx.store()) {
      StoredResource manager = ctx.requireVisible(key);
      ManagedGroup group = ctx.groups().group(key);
      ObjectNode out = Json.object();
      if (group != null && !group.members.isEmpty()) {
        out.set("managedInstances", GroupStatus.managedInstances(ctx.store(), group, manager));
      }
      return Reply.ok(out);
    }
  }

  private static OperationWork replaceWith(StoredResource manager, ObjectNode next) {
    return new OperationWork() {
      @Override
      public OperationError complete() {
        manager.json(next);
        return null;
      }

      @Override
      public void fail(OperationError error) {}
    };
  }

  /** The policy with its calculated figures dropped, so they follow a new target size. */
  private static ObjectNode recalculable(JsonNode policy) {
    ObjectNode out = policy.isObject() ? ((ObjectNode) policy).deepCopy() : Json.object();
    for (String field : List.of("maxSurge", "maxUnavailable")) {
      if (out.path(field).isObject()) {
        ((ObjectNode) out.get(field)).remove("calculated");
      }
    }
    return out;
  }

  private static ObjectNode withoutServerFields(ObjectNode body) {
    ObjectNode out = body.deepCopy();
    SERVER_FIELDS.forEach(out::remove);
    return out;
  }
}
