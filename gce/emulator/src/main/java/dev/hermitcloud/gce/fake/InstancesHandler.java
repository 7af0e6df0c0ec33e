package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Instances: insert (PROVISIONING at insert, STAGING while the operation runs, RUNNING at DONE),
 * get, list, delete (STOPPING, then gone), serial port output, setLabels. Each instance with an
 * access config gets a loopback external address that is never shared with a live instance.
 */
final class InstancesHandler {
  private final ComputeContext ctx;

  InstancesHandler(ComputeContext ctx) {
    this.ctx = ctx;
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.INSTANCES, true, this::insert);
    router.add("GET", RouteTemplates.INSTANCES, false, this::list);
    router.add("GET", RouteTemplates.INSTANCE, false, this::get);
    router.add("DELETE", RouteTemplates.INSTANCE, true, this::delete);
    router.add("GET", RouteTemplates.INSTANCE_SERIAL_PORT, false, this::serialPort);
    router.add("POST", RouteTemplates.INSTANCE_SET_LABELS, true, this::setLabels);
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project,
        () -> ctx.launcher().launch(request, project, zone, GoogleJson.text(body, "name"), body));
  }

  private Reply get(Request request) {
    ResourceKey key = key(request);
    synchronized (ctx.store()) {
      return Reply.ok(ctx.requireVisible(key).json());
    }
  }

  private Reply list(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    List<ObjectNode> items = new ArrayList<>();
    synchronized (ctx.store()) {
      ctx.store().list(ComputeKind.INSTANCE, project, zone)
          .forEach(r -> items.add(r.json().deepCopy()));
    }
    return ListPage.reply(request, "compute#instanceList",
        "projects/" + project + "/zones/" + zone + "/instances", items);
  }

  private Reply delete(Request request) {
    ResourceKey key = key(request);
    return ctx.mutate(request, key.project(), () -> ctx.launcher().delete(request, ctx.requireVisible(key)));
  }

  private Reply serialPort(Request request) {
    ResourceKey key = key(request);
    Long port = GoogleJson.queryInt64(request, "port");
    if (port != null && (port < 1 || port > 4)) {
      throw GoogleErrors.invalidField("port", port.toString(), "Must be between 1 and 4.");
    }
    Long start = GoogleJson.queryInt64(request, "start");
    SerialConsole.Slice slice;
    synchronized (ctx.store()) {
      StoredResource instance = ctx.requireVisible(key);
      // "accessible ... only while the VM instance is running"
      // (https://cloud.google.com/compute/docs/troubleshooting/viewing-serial-port-output); the answers
      // are our reading (audit B5): 400 resourceNotReady once stopped, 503 while stopping
      // (https://github.com/GoogleCloudPlatform/compute-image-tools/pull/456)
      switch (instance.status()) {
        case "TERMINATED", "STOPPED", "SUSPENDED" -> throw GoogleErrors.notReady(key.path());
        case "STOPPING" -> throw dev.hermitcloud.emulator.http.ApiError.of(503, "backendError", "TIMEOUT");
        default -> { }
      }
      SerialConsole console = port == null || port == 1 ? instance.serial() : new SerialConsole();
      slice = console.read(start == null ? 0 : start);
    }
    ObjectNode out = Json.object();
    out.put("kind", "compute#serialPortOutput");
    out.put("contents", slice.contents());
    GoogleJson.putInt64(out, "start", slice.start());
    GoogleJson.putInt64(out, "next", slice.next());
    out.put("selfLink", ResourceLinks.url(key.path()) + "/serialPort");
    return Reply.ok(out);
  }

  private Reply setLabels(Request request) {
    return SetLabels.handle(ctx, request, key(request));
  }

  private ResourceKey key(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    return ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, request.var("instance"));
  }
}
