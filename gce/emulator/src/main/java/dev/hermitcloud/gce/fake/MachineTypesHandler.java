package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Machine types of a zone, from {@link MachineTypeCatalog}: get and list. */
final class MachineTypesHandler {
  private final ComputeContext ctx;

  MachineTypesHandler(ComputeContext ctx) {
    this.ctx = ctx;
  }

  void register(Router router) {
    router.add("GET", RouteTemplates.MACHINE_TYPES, false, this::list);
    router.add("GET", RouteTemplates.MACHINE_TYPE, false, this::get);
  }

  private Reply get(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    String name = request.var("machineType");
    MachineTypeCatalog.MachineType type = MachineTypeCatalog.find(name);
    if (type == null) {
      throw GoogleErrors.notFound(ResourceLinks.zonalPath(project, zone, "machineTypes", name));
    }
    return Reply.ok(json(project, zone, type));
  }

  private Reply list(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String zone = request.var("zone");
    ZoneCatalog.requireRegion(zone);
    List<ObjectNode> items = new ArrayList<>();
    MachineTypeCatalog.all().forEach(t -> items.add(json(project, zone, t)));
    return ListPage.reply(request, "compute#machineTypeList",
        "projects/" + project + "/zones/" + zone + "/machineTypes", items);
  }

  private static ObjectNode json(String project, String zone, MachineTypeCatalog.MachineType t) {
    ObjectNode o = Json.object();
    o.put("kind", "compute#machineType");
    GoogleJson.putInt64(o, "id", 1_000_000L + Math.abs(t.name().hashCode() % 1_000_000));
    o.put("creationTimestamp", "1969-12-31T16:00:00.000-08:00");
    o.put("name", t.name());
    o.put("description", t.description());
    o.put("guestCpus", t.guestCpus());
    o.put("memoryMb", t.memoryMb());
    o.put("imageSpaceGb", 0);
    o.put("maximumPersistentDisks", t.sharedCpu() ? 16 : 128);
    GoogleJson.putInt64(o, "maximumPersistentDisksSizeGb", t.sharedCpu() ? 3072 : 263168);
    o.put("zone", zone);
    o.put("selfLink", ResourceLinks.url(
        ResourceLinks.zonalPath(project, zone, "machineTypes", t.name())));
    o.put("isSharedCpu", t.sharedCpu());
    // the older x86 series leave the field out; the newer ones say X86_64 or ARM64
    // (https://cloud.google.com/compute/docs/reference/rest/v1/machineTypes, https://github.com/SpareCores/sc-crawler/pull/112)
    if (t.family().architecture() != null) {
      o.put("architecture", t.family().architecture());
    }
    return o;
  }
}
