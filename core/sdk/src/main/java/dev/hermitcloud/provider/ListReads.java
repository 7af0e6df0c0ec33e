package dev.hermitcloud.provider;

import dev.hermitcloud.resource.Observed;
import java.util.Map;
import java.util.Set;

/**
 * An optional capability of a {@link ResourceDriver}: reads many names of its kind with the cloud's list
 * calls, a request per page rather than a GET per name, so that planning a deployment of fifty instances
 * costs a few requests per kind. A driver that has it implements this interface next to {@code
 * ResourceDriver}; the planner uses it where present and falls back to {@link ResourceDriver#read} per
 * name otherwise.
 *
 * <pre>{@code
 * final class Servers implements ResourceDriver<InstanceSpec>, ListReads {
 *   public Map<String, Observed> readAll(Set<String> names) throws Exception {
 *     // one list call per page, filtered on the names where the API can filter
 *   }
 * }
 * }</pre>
 *
 * <p>Like {@link ResourceDriver#read}, it only reads, reports every resource it finds whoever owns it,
 * and picks among duplicates (where the cloud allows two of one name) exactly as {@code read} does.
 */
public interface ListReads {
  /**
   * The resources with these names that exist, by name; a name without an entry does not exist. Follows
   * every page of the list: a missing name must mean missing, never "on a later page".
   */
  Map<String, Observed> readAll(Set<String> names) throws Exception;
}
