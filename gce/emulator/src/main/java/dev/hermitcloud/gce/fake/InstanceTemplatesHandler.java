package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.util.List;

/**
 * Global instance templates: insert, get, list, delete. A template cannot change (the API has no
 * update), and one that a group manager uses, as its instanceTemplate or in its versions, cannot be
 * deleted.
 */
final class InstanceTemplatesHandler {
  private final ComputeContext ctx;
  private final ResourceRoutes routes;

  InstanceTemplatesHandler(ComputeContext ctx) {
    this.ctx = ctx;
    this.routes = new ResourceRoutes(ctx, ComputeKind.INSTANCE_TEMPLATE, "instanceTemplate");
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.INSTANCE_TEMPLATES, true, this::insert);
    router.add("GET", RouteTemplates.INSTANCE_TEMPLATES, false, routes::list);
    router.add("GET", RouteTemplates.INSTANCE_TEMPLATE, false, routes::get);
    router.add("DELETE", RouteTemplates.INSTANCE_TEMPLATE, true,
        r -> routes.delete(r, template -> GroupReferences.refuseTemplateInUse(ctx.store(), template)));
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      String name = GoogleJson.text(body, "name");
      FieldRules.name("resource.name", name);
      FieldRules.description("resource.description", GoogleJson.text(body, "description"));
      TemplateProperties.validate(ctx, project, body.get("properties"));
      ObjectNode json = body.deepCopy();
      for (String server : List.of("id", "creationTimestamp", "selfLink", "kind")) {
        json.remove(server);
      }
      return routes.insert(request, ResourceKey.global(ComputeKind.INSTANCE_TEMPLATE, project, name), json);
    });
  }
}
