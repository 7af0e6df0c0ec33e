package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Firewall rules: insert (the name is taken at once, GET sees the rule when the operation is DONE),
 * get, list, patch (arrives as POST with {@code X-HTTP-Method-Override: PATCH}), update (PUT),
 * delete. Changes apply when the operation is DONE.
 */
final class FirewallsHandler {
  private final ComputeContext ctx;

  FirewallsHandler(ComputeContext ctx) {
    this.ctx = ctx;
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.FIREWALLS, true, this::insert);
    router.add("GET", RouteTemplates.FIREWALLS, false, this::list);
    router.add("GET", RouteTemplates.FIREWALL, false, this::get);
    router.add("DELETE", RouteTemplates.FIREWALL, true, this::delete);
    router.add("PATCH", RouteTemplates.FIREWALL, true, r -> change(r, true));
    router.add("PUT", RouteTemplates.FIREWALL, true, r -> change(r, false));
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      ObjectNode json = FirewallValidator.normalize(body, project, ctx.networks());
      String name = GoogleJson.text(json, "name");
      StoredResource rule = ctx.addNew(key(project, name), "firewall", json, false);
      return ctx.runner().start(request, "insert", rule, new OperationWork() {
        @Override
        public OperationError complete() {
          rule.visible(true);
          return null;
        }

        @Override
        public void fail(OperationError error) {
          ctx.store().remove(rule.key());
        }
      });
    });
  }

  /** PATCH merges the given fields into the rule; PUT replaces it. */
  private Reply change(Request request, boolean merge) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      StoredResource rule = ctx.requireVisible(key(project, request.var("firewall")));
      ComputeContext.requireIdle(rule);
      ObjectNode current = rule.json();
      String bodyName = GoogleJson.text(body, "name");
      if (bodyName != null && !bodyName.equals(rule.key().name())) {
        throw GoogleErrors.invalidField("resource.name", bodyName,
            "The name of a firewall rule cannot be changed.");
      }
      ObjectNode merged = merge ? current.deepCopy() : Json.object();
      if (!merge) {
        merged.put("name", rule.key().name());
      }
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
        merged.set(e.getKey(), e.getValue().deepCopy());
      }
      for (String server : List.of("kind", "id", "creationTimestamp", "selfLink")) {
        merged.remove(server);
      }
      // a plain JSON merge patch ("This method supports PATCH semantics and uses the JSON merge patch
      // format", https://cloud.google.com/compute/docs/reference/rest/v1/firewalls/patch): patching allowed
      // onto a deny rule leaves denied in place, and the validator refuses a rule with both (audit B7)
      ObjectNode next = FirewallValidator.normalize(merged, project, ctx.networks());
      for (String fixed : List.of("network", "direction")) {
        if (!next.path(fixed).equals(current.path(fixed))) {
          throw GoogleErrors.invalidField("resource." + fixed, next.path(fixed).asText(),
              "The " + fixed + " of a firewall rule cannot be changed.");
        }
      }
      for (String server : List.of("kind", "id", "creationTimestamp", "selfLink")) {
        next.set(server, current.get(server));
      }
      return ctx.runner().start(request, merge ? "patch" : "update", rule,
          new OperationWork() {
            @Override
            public OperationError complete() {
              rule.json(next);
              return null;
            }

            @Override
            public void fail(OperationError error) {}
          });
    });
  }

  private Reply get(Request request) {
    String project = ctx.requireProject(request.var("project"));
    synchronized (ctx.store()) {
      return Reply.ok(ctx.requireVisible(key(project, request.var("firewall"))).json());
    }
  }

  private Reply list(Request request) {
    String project = ctx.requireProject(request.var("project"));
    List<ObjectNode> items = new ArrayList<>();
    synchronized (ctx.store()) {
      ctx.store().list(ComputeKind.FIREWALL, project, null)
          .forEach(r -> items.add(r.json().deepCopy()));
    }
    return ListPage.reply(request, "compute#firewallList",
        "projects/" + project + "/global/firewalls", items);
  }

  private Reply delete(Request request) {
    String project = ctx.requireProject(request.var("project"));
    return ctx.mutate(request, project, () -> {
      StoredResource rule = ctx.requireVisible(key(project, request.var("firewall")));
      ComputeContext.requireIdle(rule);
      return ctx.runner().start(request, "delete", rule, new OperationWork() {
        @Override
        public OperationError complete() {
          ctx.store().remove(rule.key());
          return null;
        }

        @Override
        public void fail(OperationError error) {}
      });
    });
  }

  private static ResourceKey key(String project, String name) {
    return ResourceKey.global(ComputeKind.FIREWALL, project, name);
  }
}
