package dev.hermitcloud.openstack.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/** The {@code limit} and {@code marker} pagination shared by Glance, Nova and Neutron lists. */
final class Pages {
  private Pages() {}

  /**
   * One page of a sorted list.
   *
   * @param full the page holds {@code limit} items (Glance and Nova then offer a next link)
   * @param more items follow this page (Neutron offers a next link only then)
   */
  record Page<T>(List<T> items, boolean full, boolean more) {}

  /**
   * Slices the items after {@code marker} (an id), at most {@code limit} of them.
   *
   * @param markerMessage the service's message for a marker that is not in the list
   */
  static <T> Page<T> slice(
      List<T> sorted,
      Function<T, String> id,
      String limitText,
      String marker,
      int defaultLimit,
      int maxLimit,
      String markerMessage) {
    int limit = defaultLimit;
    if (limitText != null) {
      if (!limitText.matches("[0-9]{1,9}")) {
        throw OpenStackErrors.badRequest("limit param must be an integer");
      }
      limit = Math.min(Integer.parseInt(limitText), maxLimit);
    }
    int start = 0;
    if (marker != null) {
      start = -1;
      for (int i = 0; i < sorted.size(); i++) {
        if (id.apply(sorted.get(i)).equals(marker)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw OpenStackErrors.badRequest(markerMessage);
      }
    }
    int end = Math.min(sorted.size(), start + limit);
    List<T> items = sorted.subList(start, end);
    return new Page<>(List.copyOf(items), limit > 0 && items.size() == limit, end < sorted.size());
  }

  /** The same query with {@code marker} set to the last item, for a next link. */
  static String nextHref(String path, Map<String, List<String>> query, String marker) {
    StringJoiner q = new StringJoiner("&");
    query.forEach(
        (k, values) -> {
          if (!k.equals("marker")) {
            values.forEach(v -> q.add(encode(k) + "=" + encode(v)));
          }
        });
    q.add("marker=" + encode(marker));
    return path + "?" + q;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
