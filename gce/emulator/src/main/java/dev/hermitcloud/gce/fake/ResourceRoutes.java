package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls every simple collection answers alike (get, list, and a delete that is done when its
 * operation is), so that health checks, templates, managers and autoscalers share them instead of
 * each spelling them out.
 */
final class ResourceRoutes {
  /** What may stop a delete (a 400 naming the user); call with the store locked. */
  @FunctionalInterface
  interface DeleteGuard {
    void check(StoredResource target);
  }

  private final ComputeContext ctx;
  private final ComputeKind kind;
  private final String pathVar;
  private final String label;
  private final String listKind;

  /** @param pathVar the route variable holding the resource's name, e.g. {@code healthCheck} */
  ResourceRoutes(ComputeContext ctx, ComputeKind kind, String pathVar) {
    this(ctx, kind, pathVar, kind.label());
  }

  /** @param label the resource's kind as GCE spells it ({@code compute#<label>}), when not the kind's label */
  ResourceRoutes(ComputeContext ctx, ComputeKind kind, String pathVar, String label) {
    this.ctx = ctx;
    this.kind = kind;
    this.pathVar = pathVar;
    this.label = label;
    this.listKind = kind.label();
  }

  /** The key the request names (project checked; zone or region checked for zonal and regional kinds). */
  ResourceKey key(Request request) {
    String project = ctx.requireProject(request.var("project"));
    if (request.var("region") != null) {
      ZoneCatalog.requireZones(request.var("region"));
      return ResourceKey.regional(kind, project, request.var("region"), request.var(pathVar));
    }
    if (kind.zonal()) {
      String zone = request.var("zone");
      ZoneCatalog.requireRegion(zone);
      return ResourceKey.zonal(kind, project, zone, request.var(pathVar));
    }
    return ResourceKey.global(kind, project, request.var(pathVar));
  }

  Reply get(Request request) {
    ResourceKey key = key(request);
    synchronized (ctx.store()) {
      return Reply.ok(ctx.requireVisible(key).json());
    }
  }

  Reply list(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = kind.zonal() ? request.var("zone") : null;
    String region = request.var("region");
    if (zone != null) {
      ZoneCatalog.requireRegion(zone);
    }
    if (region != null) {
      ZoneCatalog.requireZones(region);
    }
    List<ObjectNode> items = new ArrayList<>();
    synchronized (ctx.store()) {
      ctx.store().list(kind, project, zone != null ? zone : region).forEach(r -> items.add(r.json().deepCopy()));
    }
    String path = "projects/" + project + (zone != null ? "/zones/" + zone + "/" : region != null
        ? "/regions/" + region + "/" : "/global/") + kind.collection();
    return ListPage.reply(request, "compute#" + listKind + "List", path, items);
  }

  /** Deletes the resource when its operation is DONE, unless {@code guard} refuses. */
  Reply delete(Request request, DeleteGuard guard) {
    ResourceKey key = key(request);
    return ctx.mutate(request, key.project(), () -> {
      StoredResource target = ctx.requireVisible(key);
      ComputeContext.requireIdle(target);
      guard.check(target);
      return ctx.runner().start(request, "delete", target, new OperationWork() {
        @Override
        public OperationError complete() {
          ctx.store().remove(target.key());
          return null;
        }

        @Override
        public void fail(OperationError error) {}
      });
    });
  }

  /**
   * Inserts a validated resource under its name (409 when taken); GET sees it when the operation is
   * DONE, as with firewall rules.
   */
  FakeOperation insert(Request request, ResourceKey key, ObjectNode json) {
    StoredResource added = ctx.addNew(key, label, json, false);
    return ctx.runner().start(request, "insert", added, new OperationWork() {
      @Override
      public OperationError complete() {
        added.visible(true);
        return null;
      }

      @Override
      public void fail(OperationError error) {
        ctx.store().remove(added.key());
      }
    });
  }
}
