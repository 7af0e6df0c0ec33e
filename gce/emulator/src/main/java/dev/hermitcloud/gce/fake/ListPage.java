package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Answers a compute list call: applies {@code filter} and {@code orderBy}, then pages with {@code
 * maxResults} (default and maximum 500) and an opaque {@code pageToken} naming the last item sent.
 */
final class ListPage {
  private static final int MAX_RESULTS = 500;

  private ListPage() {}

  /**
   * @param kind the list kind, e.g. {@code compute#imageList}
   * @param path the collection path, e.g. {@code projects/p/global/images}
   * @param items every item, each with a {@code name}, in name order
   */
  static Reply reply(Request request, String kind, String path, List<ObjectNode> items) {
    Predicate<JsonNode> filter = ListFilter.parse(request.query("filter"));
    Long max = GoogleJson.queryInt64(request, "maxResults");
    if (max != null && (max < 0 || max > MAX_RESULTS)) {
      throw GoogleErrors.invalidField("maxResults", max.toString(),
          "Must be less than or equal to " + MAX_RESULTS);
    }
    int pageSize = max == null || max == 0 ? MAX_RESULTS : max.intValue();
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : items) {
      if (filter.test(item)) {
        matching.add(item);
      }
    }
    String orderBy = request.query("orderBy");
    if (orderBy != null && !orderBy.isBlank()) {
      if (orderBy.trim().equals("creationTimestamp desc")) {
        matching.sort(Comparator.comparing(
            (ObjectNode n) -> n.path("creationTimestamp").asText()).reversed());
      } else if (!orderBy.trim().equals("name")) {
        throw GoogleErrors.invalidField("orderBy", orderBy,
            "Only 'name' and 'creationTimestamp desc' are supported.");
      }
    }
    int from = 0;
    String token = request.query("pageToken");
    if (token != null && !token.isEmpty()) {
      from = offsetAfter(matching, token);
    }
    int to = Math.min(matching.size(), from + pageSize);
    ObjectNode out = Json.object();
    out.put("kind", kind);
    out.put("id", path);
    if (to > from) {
      ArrayNode array = out.putArray("items");
      matching.subList(from, to).forEach(array::add);
    }
    out.put("selfLink", ResourceLinks.url(path));
    if (to < matching.size()) {
      out.put("nextPageToken", encode(matching.get(to - 1).path("name").asText()));
    }
    return Reply.ok(out);
  }

  private static int offsetAfter(List<ObjectNode> items, String token) {
    String last;
    try {
      last = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw GoogleErrors.invalidField("pageToken", token, "Invalid page token.");
    }
    if (!last.startsWith("after:")) {
      throw GoogleErrors.invalidField("pageToken", token, "Invalid page token.");
    }
    String name = last.substring("after:".length());
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("name").asText().equals(name)) {
        return i + 1;
      }
    }
    // The item was deleted meanwhile: continue after where it would sort.
    int i = 0;
    while (i < items.size() && items.get(i).path("name").asText().compareTo(name) <= 0) {
      i++;
    }
    return i;
  }

  private static String encode(String lastName) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("after:" + lastName).getBytes(StandardCharsets.UTF_8));
  }
}
