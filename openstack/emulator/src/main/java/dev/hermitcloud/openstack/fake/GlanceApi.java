package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Glance v2 image records: create, show, list (filters, property filters, pagination), JSON-patch
 * update and delete. Image data arrives through {@link GlanceUpload}.
 */
final class GlanceApi {
  static final String IMAGES = "/image/v2/images";
  private static final Set<String> NOT_FILTERS =
      Set.of("limit", "marker", "sort_key", "sort_dir", "sort", "member_status");
  private static final Set<String> PATCH_TYPES =
      Set.of(
          "application/openstack-images-v2.1-json-patch",
          "application/openstack-images-v2.0-json-patch");

  private final CloudState state;

  GlanceApi(CloudState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("POST", IMAGES, this::create);
    router.add("GET", IMAGES, this::list);
    router.add("GET", IMAGES + "/{id}", this::show);
    router.add("PATCH", IMAGES + "/{id}", this::patch);
    router.add("DELETE", IMAGES + "/{id}", this::delete);
  }

  private Reply create(Request r) {
    JsonNode body = r.json();
    if (!body.isObject()) {
      throw OpenStackErrors.badRequest("Provided object does not match schema 'image'");
    }
    synchronized (state) {
      String id = body.hasNonNull("id") ? body.get("id").asText() : Ids.uuid();
      if (!id.matches("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")) {
        throw OpenStackErrors.badRequest("Provided object does not match schema 'image': '" + id
            + "' does not match '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-...$'");
      }
      if (state.images.containsKey(id)) {
        throw OpenStackErrors.conflict("Image with identifier " + id + " already exists!");
      }
      FakeImage image = new FakeImage(id, state.nextSequence(), Caller.projectId(r), Instant.now());
      for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getKey().equals("id")) {
          ImageAttributes.set(image, field.getKey(), field.getValue());
        }
      }
      state.images.put(id, image);
      state.recordCreation("image", String.valueOf(image.name));
      return Reply.json(201, image.toJson())
          .header("Location", r.baseUrl() + IMAGES + "/" + id);
    }
  }

  private Reply show(Request r) {
    synchronized (state) {
      return Reply.json(200, find(r.var("id")).toJson());
    }
  }

  private Reply delete(Request r) {
    synchronized (state) {
      FakeImage image = find(r.var("id"));
      if (image.isProtected) {
        throw OpenStackErrors.forbidden("Image " + image.id + " is protected and cannot be deleted.");
      }
      state.images.remove(image.id);
      return Reply.empty(204);
    }
  }

  private Reply patch(Request r) {
    String type = r.header("Content-Type");
    String bare = type == null ? "" : type.split(";")[0].trim();
    if (!PATCH_TYPES.contains(bare)) {
      throw OpenStackErrors.of(415, "Unsupported Content-Type");
    }
    JsonNode ops = r.json();
    if (!ops.isArray()) {
      throw OpenStackErrors.badRequest("Request body must be a JSON array of operation objects.");
    }
    synchronized (state) {
      FakeImage image = find(r.var("id"));
      applyAll(image.copy(), ops); // all or nothing: a failing op throws before any change
      applyAll(image, ops);
      image.updatedAt = Instant.now();
      return Reply.json(200, image.toJson());
    }
  }

  private static void applyAll(FakeImage image, JsonNode ops) {
    for (JsonNode op : ops) {
      String kind = op.path("op").asText();
      String path = op.path("path").asText();
      if (!path.matches("/[^/]+")) {
        throw OpenStackErrors.badRequest("Invalid JSON pointer for this resource: '" + path + "'");
      }
      String key = path.substring(1).replace("~1", "/").replace("~0", "~");
      switch (kind) {
        case "add" -> ImageAttributes.set(image, key, op.path("value"));
        case "replace" -> {
          if (!ImageAttributes.isBase(key) && !image.properties.containsKey(key)
              && !ImageAttributes.READ_ONLY.contains(key)) {
            throw OpenStackErrors.conflict("Property " + key + " does not exist.");
          }
          ImageAttributes.set(image, key, op.path("value"));
        }
        case "remove" -> ImageAttributes.remove(image, key);
        default -> throw OpenStackErrors.badRequest("Operation objects must contain exactly one"
            + " member named \"add\", \"remove\", or \"replace\".");
      }
    }
  }

  private Reply list(Request r) {
    List<Predicate<FakeImage>> filters = filters(r);
    ObjectNode body = Json.object();
    synchronized (state) {
      List<FakeImage> matching = new ArrayList<>();
      for (FakeImage image : state.images.values()) {
        if (filters.stream().allMatch(f -> f.test(image))) {
          matching.add(image);
        }
      }
      matching.sort(order(r));
      Pages.Page<FakeImage> page =
          Pages.slice(matching, i -> i.id, r.query("limit"), r.query("marker"), state.pageMaximum(25), state.pageMaximum(1000),
              "Invalid marker. Image " + r.query("marker") + " could not be found.");
      ArrayNode images = body.putArray("images");
      page.items().forEach(i -> images.add(i.toJson()));
      body.put("first", "/v2/images");
      body.put("schema", "/v2/schemas/images");
      if (page.full()) {
        String last = page.items().get(page.items().size() - 1).id;
        body.put("next", Pages.nextHref("/v2/images", r.queryParameters(), last));
      }
    }
    return Reply.json(200, body);
  }

  private static List<Predicate<FakeImage>> filters(Request r) {
    List<Predicate<FakeImage>> filters = new ArrayList<>();
    if (r.query("os_hidden") == null) {
      filters.add(i -> !i.hidden);
    }
    r.queryParameters().forEach(
        (key, values) -> {
          if (NOT_FILTERS.contains(key)) {
            return;
          }
          for (String value : values) {
            if (key.equals("tag")) {
              filters.add(i -> i.tags.contains(value));
            } else {
              filters.add(i -> matches(attribute(i, key), value));
            }
          }
        });
    return filters;
  }

  /** Glance's value test: equality, or membership with the {@code in:a,b} operator. */
  private static boolean matches(String actual, String wanted) {
    if (wanted.startsWith("in:")) {
      return actual != null && List.of(wanted.substring(3).split(",")).contains(actual);
    }
    return wanted.equals(actual);
  }

  private static String attribute(FakeImage i, String key) {
    return switch (key) {
      case "name" -> i.name;
      case "id" -> i.id;
      case "status" -> i.status;
      case "visibility" -> i.visibility;
      case "owner" -> i.owner;
      case "container_format" -> i.containerFormat;
      case "disk_format" -> i.diskFormat;
      case "protected" -> Boolean.toString(i.isProtected);
      case "os_hidden" -> Boolean.toString(i.hidden);
      default -> i.properties.get(key);
    };
  }

  private static Comparator<FakeImage> order(Request r) {
    String key = r.query("sort_key") == null ? "created_at" : r.query("sort_key");
    Comparator<FakeImage> c =
        switch (key) {
          case "name" -> Comparator.comparing(i -> String.valueOf(i.name));
          case "status" -> Comparator.comparing(i -> i.status);
          case "size" -> Comparator.comparing(i -> i.size == null ? -1L : i.size);
          case "id" -> Comparator.comparing(i -> i.id);
          case "created_at", "updated_at" -> Comparator.comparingLong(i -> i.sequence);
          default -> throw OpenStackErrors.badRequest("Unsupported sort_key: " + key);
        };
    c = c.thenComparingLong(i -> i.sequence);
    return "asc".equals(r.query("sort_dir")) ? c : c.reversed();
  }

  private FakeImage find(String id) {
    FakeImage image = state.images.get(id);
    if (image == null) {
      throw OpenStackErrors.notFound("No image found with ID " + id);
    }
    return image;
  }
}
