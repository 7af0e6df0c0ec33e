package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Neutron's list behaviour, common to every resource: filter on any attribute by equality (a
 * repeated parameter means any of its values; an unknown attribute is a 400), {@code fields} to
 * select attributes, {@code limit}/{@code marker} with a {@code <collection>_links} next link.
 */
final class NeutronLists {
  private static final Set<String> NOT_FILTERS =
      Set.of("limit", "marker", "fields", "sort_key", "sort_dir", "page_reverse");

  private NeutronLists() {}

  /** Answers a list request from the resources' JSON, in creation order. */
  static Reply answer(Request r, String collection, List<ObjectNode> all, CloudState state) {
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode o : all) {
      if (matches(o, r)) {
        matching.add(o);
      }
    }
    Pages.Page<ObjectNode> page = Pages.slice(matching, o -> o.path("id").asText(),
        r.query("limit"), r.query("marker"), state.pageMaximum(Integer.MAX_VALUE), state.pageMaximum(Integer.MAX_VALUE),
        "Marker " + r.query("marker") + " could not be found.");
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray(collection);
    List<String> fields = r.queryParameters().getOrDefault("fields", List.of());
    for (ObjectNode o : page.items()) {
      items.add(fields.isEmpty() ? o : o.deepCopy().retain(fields));
    }
    if (page.more()) {
      String last = page.items().get(page.items().size() - 1).path("id").asText();
      body.putArray(collection + "_links").addObject().put("rel", "next")
          .put("href", Pages.nextHref(r.baseUrl() + r.path(), r.queryParameters(), last));
    }
    return Reply.json(200, body);
  }

  private static boolean matches(ObjectNode o, Request r) {
    for (var e : r.queryParameters().entrySet()) {
      String key = e.getKey();
      if (NOT_FILTERS.contains(key)) {
        continue;
      }
      if (!o.has(key)) {
        throw OpenStackErrors.badRequest("[" + key + "] is invalid attribute for filtering")
            .withCode("HTTPBadRequest");
      }
      JsonNode actual = o.get(key);
      if (e.getValue().stream().noneMatch(v -> equal(actual, v))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equal(JsonNode actual, String wanted) {
    if (actual.isNull()) {
      return wanted.isEmpty();
    }
    if (actual.isBoolean()) {
      return actual.asBoolean() == Boolean.parseBoolean(wanted);
    }
    if (actual.isArray()) {
      for (JsonNode item : actual) {
        if (item.isTextual() && item.asText().equals(wanted)) {
          return true;
        }
      }
      return false;
    }
    return actual.asText().equals(wanted);
  }
}
