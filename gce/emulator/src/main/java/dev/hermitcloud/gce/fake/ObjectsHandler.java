package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * GCS objects: metadata GET, media GET ({@code alt=media}, also under {@code /download/...}, with
 * {@code Range}), DELETE, and list with {@code prefix}, {@code delimiter} and pages.
 */
final class ObjectsHandler {
  private static final int MAX_LIST = 1000;

  private final GcsStore gcs;

  ObjectsHandler(GcsStore gcs) {
    this.gcs = gcs;
  }

  void register(Router router) {
    router.add("GET", RouteTemplates.OBJECTS, false, this::list);
    router.add("GET", RouteTemplates.OBJECT, false, this::get);
    router.add("GET", RouteTemplates.OBJECT_DOWNLOAD, false, this::get);
    router.add("DELETE", RouteTemplates.OBJECT, true, this::delete);
  }

  private Reply get(Request request) {
    FakeObject o = gcs.requireObject(request.var("bucket"), request.var("object"));
    Long generation = GoogleJson.queryInt64(request, "generation");
    if (generation != null && generation != o.generation()) {
      throw ApiError.of(404, "notFound",
          "No such object: " + o.bucket() + "/" + o.name() + "#" + generation);
    }
    GcsPreconditions.from(request).check(o);
    if (!"media".equals(request.query("alt"))) {
      return Reply.ok(o.toJson(request.baseUrl()));
    }
    return media(request, o);
  }

  private static Reply media(Request request, FakeObject o) {
    byte[] data = o.data();
    int status = 200;
    int from = 0;
    int to = data.length;
    String range = request.header("Range");
    if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
      String spec = range.substring("bytes=".length()).trim();
      int dash = spec.indexOf('-');
      try {
        if (dash == 0) {
          from = Math.max(0, data.length - Integer.parseInt(spec.substring(1)));
        } else {
          from = Integer.parseInt(spec.substring(0, dash));
          if (dash < spec.length() - 1) {
            to = (int) Math.min(data.length, Long.parseLong(spec.substring(dash + 1)) + 1);
          }
        }
      } catch (NumberFormatException e) {
        throw ApiError.of(400, "invalid", "Invalid Range header: " + range);
      }
      if (from >= data.length && data.length > 0) {
        throw ApiError.of(416, "requestedRangeNotSatisfiable",
            "The requested range cannot be satisfied.");
      }
      status = 206;
    }
    byte[] body = new byte[Math.max(0, to - from)];
    System.arraycopy(data, from, body, 0, body.length);
    Reply reply = Reply.bytes(status, o.contentType(), body)
        .header("X-Goog-Generation", Long.toString(o.generation()))
        .header("X-Goog-Metageneration", Long.toString(o.metageneration()))
        .header("X-Goog-Hash", "crc32c=" + o.crc32c() + ",md5=" + o.md5Hash())
        .header("X-Goog-Stored-Content-Length", Long.toString(o.size()))
        .header("X-Goog-Stored-Content-Encoding", "identity");
    if (status == 206) {
      reply.header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + data.length);
    }
    return reply;
  }

  private Reply delete(Request request) {
    gcs.delete(request.var("bucket"), request.var("object"), GcsPreconditions.from(request));
    return Reply.empty(204);
  }

  private Reply list(Request request) {
    String prefix = request.query("prefix");
    String delimiter = request.query("delimiter");
    String token = request.query("pageToken");
    Long max = GoogleJson.queryInt64(request, "maxResults");
    int pageSize = max == null || max <= 0 || max > MAX_LIST ? MAX_LIST : max.intValue();
    List<FakeObject> all = gcs.list(request.var("bucket"), prefix);
    List<FakeObject> items = new ArrayList<>();
    TreeSet<String> prefixes = new TreeSet<>();
    String nextToken = null;
    for (FakeObject o : all) {
      if (token != null && !token.isEmpty() && o.name().compareTo(token) <= 0) {
        continue;
      }
      if (delimiter != null && !delimiter.isEmpty()) {
        int at = o.name().indexOf(delimiter, prefix == null ? 0 : prefix.length());
        if (at >= 0) {
          prefixes.add(o.name().substring(0, at + delimiter.length()));
          continue;
        }
      }
      if (items.size() == pageSize) {
        nextToken = items.get(items.size() - 1).name();
        break;
      }
      items.add(o);
    }
    ObjectNode out = Json.object();
    out.put("kind", "storage#objects");
    if (!items.isEmpty()) {
      ArrayNode array = out.putArray("items");
      items.forEach(o -> array.add(o.toJson(request.baseUrl())));
    }
    if (!prefixes.isEmpty()) {
      prefixes.forEach(out.putArray("prefixes")::add);
    }
    if (nextToken != null) {
      out.put("nextPageToken", nextToken);
    }
    return Reply.ok(out);
  }
}
