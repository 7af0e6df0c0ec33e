package dev.hermitcloud.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads every page of a Nova, Glance or Neutron list. openstack4j returns one page and drops the next
 * link, so the pages are asked for by hand the way the APIs document: {@code limit} items after {@code
 * marker}, the id of the last item of the previous page, until a page comes back empty
 * (https://docs.openstack.org/api-ref/compute/#list-servers-detailed, https://docs.openstack.org/api-ref/image/v2/#list-images,
 * https://docs.openstack.org/api-ref/network/v2/#pagination).
 *
 * <p>A short page is not the last: each service cuts {@code limit} to a maximum of its own configuration
 * (Nova {@code max_limit}, Glance {@code api_limit_max}, both 1000 by default; Neutron
 * {@code pagination_max_limit}), so a page of 100 may be a full page of a cloud that allows 100. Taking it
 * as the last would hide resources from the plan, which would then create them again; asking once more
 * costs one request per list, in parallel with the other kinds.
 */
final class MarkerPages {
  static final int LIMIT = 1000;

  private MarkerPages() {}

  /**
   * Every item the list answers for {@code query}.
   *
   * @param page one list call with the given query parameters
   * @param id an item's id, the next page's marker
   */
  static <T> List<T> all(Map<String, String> query, Function<Map<String, String>, List<? extends T>> page,
      Function<T, String> id) {
    return all(query, page, id, LIMIT);
  }

  /** As {@link #all(Map, Function, Function)}, with pages of {@code limit} (smaller only where a test pages). */
  static <T> List<T> all(Map<String, String> query, Function<Map<String, String>, List<? extends T>> page,
      Function<T, String> id, int limit) {
    List<T> all = new ArrayList<>();
    Map<String, String> next = new LinkedHashMap<>(query);
    next.put("limit", Integer.toString(limit));
    while (true) {
      List<? extends T> items = page.apply(Map.copyOf(next));
      if (items.isEmpty()) {
        return all;
      }
      all.addAll(items);
      next.put("marker", id.apply(items.get(items.size() - 1)));
    }
  }
}
