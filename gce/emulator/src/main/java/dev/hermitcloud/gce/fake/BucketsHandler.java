package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.regex.Pattern;

/** GCS buckets: insert ({@code ?project=P}), get, list, delete (only when empty). */
final class BucketsHandler {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]");

  private final GcsStore gcs;

  BucketsHandler(GcsStore gcs) {
    this.gcs = gcs;
  }

  void register(Router router) {
    router.add("POST", RouteTemplates.BUCKETS, true, this::insert);
    router.add("GET", RouteTemplates.BUCKETS, false, this::list);
    router.add("GET", RouteTemplates.BUCKET, false, this::get);
    router.add("DELETE", RouteTemplates.BUCKET, true, this::delete);
  }

  private Reply insert(Request request) {
    String project = request.query("project");
    if (project == null || project.isBlank()) {
      throw ApiError.of(400, "required", "Required parameter: project");
    }
    ObjectNode body = GoogleJson.body(request);
    String name = GoogleJson.text(body, "name");
    if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
      throw ApiError.of(400, "invalid", "Invalid bucket name: '" + name + "'");
    }
    return Reply.ok(gcs.createBucket(name, project, GoogleJson.text(body, "location"), true));
  }

  private Reply get(Request request) {
    gcs.requireBucketMetadataAccess(request.var("bucket"));
    return Reply.ok(gcs.bucketJson(request.var("bucket")));
  }

  private Reply list(Request request) {
    String project = request.query("project");
    if (project == null || project.isBlank()) {
      throw ApiError.of(400, "required", "Required parameter: project");
    }
    ObjectNode out = Json.object();
    out.put("kind", "storage#buckets");
    var items = gcs.bucketsOf(project);
    if (!items.isEmpty()) {
      items.forEach(out.putArray("items")::add);
    }
    return Reply.ok(out);
  }

  private Reply delete(Request request) {
    gcs.deleteBucket(request.var("bucket"));
    return Reply.empty(204);
  }
}
