package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Request;
import java.time.Instant;

/**
 * Creates and deletes instances the one way the fake knows, whoever asks: {@code instances.insert} and
 * {@code instances.delete}, or a group manager acting on its own. So a managed instance gets the same
 * addresses, states, serial output, app stand-in or VM as any other. Call with the store locked.
 */
final class InstanceLauncher {
  private final ComputeContext ctx;

  InstanceLauncher(ComputeContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Validates {@code body} as an insert of instance {@code name} and starts creating it (PROVISIONING,
   * STAGING while the operation runs, RUNNING at DONE); throws the 4xx GCE would answer. A null
   * {@code request} means the fake itself asks.
   */
  FakeOperation launch(Request request, String project, String zone, String name, ObjectNode body) {
    String region = ZoneCatalog.requireRegion(zone);
    FieldRules.name("resource.name", name);
    ResourceKey key = ResourceKey.zonal(ComputeKind.INSTANCE, project, zone, name);
    if (ctx.store().find(key) != null) {
      throw GoogleErrors.alreadyExists(key.path());
    }
    long id = ctx.store().newId();
    ObjectNode json = new InstanceBuilder(ctx.store(), ctx.networks(), project, zone, region)
        .build(body, key, id, GoogleJson.computeTime(Instant.now()));
    String sourceImage = body.path("disks").path(0).path("initializeParams").path("sourceImage").asText("");
    ctx.orgPolicies().check(project, zone, name, json, sourceImage);
    StoredResource bootImage = ImageLookup.requireReady(ctx.store(), "resource.disks[0].initializeParams.sourceImage",
        sourceImage, project);
    ObjectNode nic = (ObjectNode) json.get("networkInterfaces").get(0);
    nic.put("networkIP", ctx.addresses().allocateInternal(region));
    String natIp = null;
    if (nic.has("accessConfigs")) {
      natIp = ctx.addresses().allocateExternal();
      ((ObjectNode) nic.get("accessConfigs").get(0)).put("natIP", natIp);
    }
    StoredResource instance = ctx.store().add(key, id, json, true);
    instance.natIp(natIp);
    ctx.stats().created("instance", name);
    return ctx.runner().start(request, "insert", instance, new OperationWork() {
      @Override
      public void running() {
        instance.status("STAGING");
      }

      @Override
      public OperationError complete() {
        instance.status("RUNNING");
        instance.json().put("lastStartTimestamp", GoogleJson.computeTime(Instant.now()));
        String boot = ctx.bootOutput();
        if (boot != null) {
          instance.serial().append(boot);
        }
        if (ctx.booted() != null) {
          ctx.booted().boot(instance, bootImage.key());
        }
        return null;
      }

      @Override
      public void fail(OperationError error) {
        ctx.store().remove(instance.key());
        ctx.addresses().release(instance.natIp());
      }
    });
  }

  /** Starts deleting the instance (STOPPING, then gone with its address); 400 while it is still changing. */
  FakeOperation delete(Request request, StoredResource instance) {
    ComputeContext.requireIdle(instance);
    String before = instance.status();
    return ctx.runner().start(request, "delete", instance, new OperationWork() {
      @Override
      public void running() {
        instance.status("STOPPING");
      }

      @Override
      public OperationError complete() {
        if (ctx.booted() != null) {
          ctx.booted().stop(instance);
        }
        ctx.store().remove(instance.key());
        ctx.addresses().release(instance.natIp());
        return null;
      }

      @Override
      public void fail(OperationError error) {
        instance.status(before);
      }
    });
  }
}
