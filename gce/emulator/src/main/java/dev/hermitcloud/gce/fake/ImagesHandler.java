package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Images: insert from a GCS archive (PENDING at insert; READY or FAILED when the operation is DONE,
 * after the archive is read and validated), get, list, get-from-family, delete, setLabels,
 * deprecate.
 */
final class ImagesHandler {
  private static final Set<String> GUEST_OS_FEATURES = Set.of(
      "UEFI_COMPATIBLE", "VIRTIO_SCSI_MULTIQUEUE", "GVNIC", "MULTI_IP_SUBNET", "SECURE_BOOT",
      "SEV_CAPABLE", "SEV_SNP_CAPABLE", "SEV_LIVE_MIGRATABLE", "SEV_LIVE_MIGRATABLE_V2",
      "TDX_CAPABLE", "IDPF", "WINDOWS", "SUSPEND_RESUME_COMPATIBLE",
      "BARE_METAL_LINUX_COMPATIBLE");
  private static final Set<String> DEPRECATION_STATES =
      Set.of("ACTIVE", "DEPRECATED", "OBSOLETE", "DELETED");

  private final ComputeContext ctx;

  ImagesHandler(ComputeContext ctx) {
    this.ctx = ctx;
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.IMAGES, true, this::insert);
    router.add("GET", RouteTemplates.IMAGES, false, this::list);
    router.add("GET", RouteTemplates.IMAGE_FROM_FAMILY, false, this::fromFamily);
    router.add("GET", RouteTemplates.IMAGE, false, this::get);
    router.add("DELETE", RouteTemplates.IMAGE, true, this::delete);
    router.add("POST", RouteTemplates.IMAGE_SET_LABELS, true, this::setLabels);
    router.add("POST", RouteTemplates.IMAGE_DEPRECATE, true, this::deprecate);
  }

  private Reply insert(Request request) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    return ctx.mutate(request, project, () -> {
      String name = GoogleJson.text(body, "name");
      FieldRules.name("resource.name", name);
      String family = GoogleJson.text(body, "family");
      if (family != null) {
        FieldRules.name("resource.family", family);
      }
      FieldRules.description("resource.description", GoogleJson.text(body, "description"));
      FieldRules.labels("resource.labels", body.get("labels"));
      checkGuestOsFeatures(body.get("guestOsFeatures"));
      for (String other : List.of("sourceDisk", "sourceImage", "sourceSnapshot")) {
        if (body.hasNonNull(other)) {
          throw GoogleErrors.invalidField("resource." + other, body.get(other).asText(),
              "This fake imports images from rawDisk.source only.");
        }
      }
      JsonNode rawDisk = body.path("rawDisk");
      ImageSource source = ImageSource.parse(GoogleJson.text(rawDisk, "source"));
      if (!ctx.gcs().bucketNames().contains(source.bucket())) {
        // refused at insert, as issue 10 reports; the text as in https://github.com/googlecodelabs/feedback/issues/642
        throw ApiError.of(400, "gcsBucketNotFound", "The Cloud Storage bucket '" + source.bucket() + "' is not found.");
      }
      String containerType = GoogleJson.text(rawDisk, "containerType");
      if (containerType != null && !containerType.equals("TAR")) {
        throw GoogleErrors.invalidField("resource.rawDisk.containerType", containerType,
            "Must be TAR.");
      }
      ObjectNode json = body.deepCopy();
      json.put("sourceType", "RAW");
      ((ObjectNode) json.get("rawDisk")).put("containerType", "TAR");
      json.put("status", "PENDING");
      json.put("labelFingerprint", Fingerprints.of(body.get("labels")));
      json.putArray("storageLocations").add("us");
      StoredResource image = ctx.addNew(key(project, name), "image", json, true);
      return ctx.runner().start(request, "insert", image, new Import(image, source));
    });
  }

  /** Reads and validates the archive (without the lock), then shows READY or FAILED. */
  private final class Import implements OperationWork {
    private final StoredResource image;
    private final ImageSource source;
    private OperationError problem;
    private DiskArchiveValidator.Disk disk;
    private long archiveBytes;

    Import(StoredResource image, ImageSource source) {
      this.image = image;
      this.source = source;
    }

    @Override
    public void prepare() {
      FakeObject archive;
      try {
        archive = ctx.gcs().object(source.bucket(), source.object());
      } catch (ApiError e) {
        archive = null;
      }
      if (archive == null) {
        // https://github.com/hashicorp/terraform-provider-google/issues/2477
        problem = OperationError.withHttpStatus("RESOURCE_NOT_FOUND",
            "The resource '" + source + "' of type 'Google Cloud Storage object' was not found.", 404, "NOT FOUND");
        return;
      }
      archiveBytes = archive.size();
      try {
        disk = DiskArchiveValidator.validate(archive.data());
        if (ctx.booted() != null) {
          ctx.booted().unpack(image.key(), archive.data());
        }
      } catch (java.io.IOException e) {
        problem = OperationError.internal("The image archive could not be unpacked: " + e.getMessage());
      } catch (DiskArchiveValidator.InvalidArchive e) {
        problem = OperationError.withHttpStatus("INVALID_IMAGE_TAR", e.serviceText(), 400, "BAD REQUEST");
      }
    }

    @Override
    public OperationError complete() {
      if (problem != null || disk == null) {
        OperationError error = problem != null ? problem
            : OperationError.internal("The image archive could not be read.");
        image.status("FAILED");
        return error;
      }
      GoogleJson.putInt64(image.json(), "diskSizeGb", disk.sizeGb());
      GoogleJson.putInt64(image.json(), "archiveSizeBytes", archiveBytes);
      image.status("READY");
      return null;
    }

    @Override
    public void fail(OperationError error) {
      image.status("FAILED");
    }
  }

  private Reply get(Request request) {
    String project = ctx.requireProject(request.var("project"));
    synchronized (ctx.store()) {
      return Reply.ok(ctx.requireVisible(key(project, request.var("image"))).json());
    }
  }

  private Reply list(Request request) {
    String project = ctx.requireProject(request.var("project"));
    List<ObjectNode> items = new ArrayList<>();
    synchronized (ctx.store()) {
      ctx.store().list(ComputeKind.IMAGE, project, null).forEach(r -> items.add(r.json().deepCopy()));
    }
    return ListPage.reply(request, "compute#imageList",
        "projects/" + project + "/global/images", items);
  }

  private Reply fromFamily(Request request) {
    String project = ctx.requireProject(request.var("project"));
    String family = request.var("family");
    synchronized (ctx.store()) {
      return ImageLookup.newestInFamily(ctx.store(), project, family)
          .map(r -> Reply.ok(r.json()))
          .orElseThrow(() -> GoogleErrors.notFound(
              ResourceLinks.globalPath(project, "images", "family/" + family)));
    }
  }

  private Reply delete(Request request) {
    String project = ctx.requireProject(request.var("project"));
    return ctx.mutate(request, project, () -> {
      StoredResource image = ctx.requireVisible(key(project, request.var("image")));
      ComputeContext.requireIdle(image);
      String before = image.status();
      return ctx.runner().start(request, "delete", image, new OperationWork() {
        @Override
        public void running() {
          image.status("DELETING");
        }

        @Override
        public OperationError complete() {
          ctx.store().remove(image.key());
          return null;
        }

        @Override
        public void fail(OperationError error) {
          image.status(before);
        }
      });
    });
  }

  private Reply setLabels(Request request) {
    String project = ctx.requireProject(request.var("project"));
    return SetLabels.handle(ctx, request, key(project, request.var("image")));
  }

  private Reply deprecate(Request request) {
    String project = ctx.requireProject(request.var("project"));
    ObjectNode body = GoogleJson.body(request);
    String state = GoogleJson.text(body, "state");
    if (state == null || !DEPRECATION_STATES.contains(state)) {
      throw GoogleErrors.invalidField("deprecationStatus.state", state,
          "Must be one of " + DEPRECATION_STATES + ".");
    }
    return ctx.mutate(request, project, () -> {
      StoredResource image = ctx.requireVisible(key(project, request.var("image")));
      ComputeContext.requireIdle(image);
      return ctx.runner().start(request, "deprecate", image, new OperationWork() {
        @Override
        public OperationError complete() {
          if (state.equals("ACTIVE")) {
            image.json().remove("deprecated");
          } else {
            image.json().set("deprecated", body.deepCopy());
          }
          return null;
        }

        @Override
        public void fail(OperationError error) {}
      });
    });
  }

  private static void checkGuestOsFeatures(JsonNode features) {
    if (features == null || features.isNull()) {
      return;
    }
    for (int i = 0; i < features.size(); i++) {
      String type = GoogleJson.text(features.get(i), "type");
      if (type == null || !GUEST_OS_FEATURES.contains(type)) {
        throw GoogleErrors.invalidField("resource.guestOsFeatures[" + i + "].type", type,
            "Unknown guest OS feature.");
      }
    }
  }

  private static ResourceKey key(String project, String name) {
    return ResourceKey.global(ComputeKind.IMAGE, project, name);
  }
}
