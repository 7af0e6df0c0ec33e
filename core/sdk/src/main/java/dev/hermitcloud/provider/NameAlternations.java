package dev.hermitcloud.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Regular-expression alternations of many names, {@code a|b|c}, cut into groups short enough for a list
 * request's URL: a {@link ListReads} driver whose cloud filters names by regular expression (GCE's
 * {@code name eq}, Nova's {@code name}) sends one list per group, which for a deployment's names is one.
 *
 * <pre>{@code
 * NameAlternations.of(List.of("web-0", "web-1"), 2000)  // ["web-0|web-1"]
 * }</pre>
 */
public final class NameAlternations {
  private NameAlternations() {}

  /**
   * The alternatives joined with {@code |}, in order, each group at most {@code maxChars} long unless a
   * single alternative is longer.
   */
  public static List<String> of(Collection<String> alternatives, int maxChars) {
    List<String> groups = new ArrayList<>();
    StringBuilder group = new StringBuilder();
    for (String alternative : alternatives) {
      if (group.length() > 0 && group.length() + 1 + alternative.length() > maxChars) {
        groups.add(group.toString());
        group.setLength(0);
      }
      group.append(group.length() == 0 ? "" : "|").append(alternative);
    }
    if (group.length() > 0) {
      groups.add(group.toString());
    }
    return groups;
  }
}
