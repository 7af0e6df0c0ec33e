package dev.hermitcloud.openstack;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Nova {@code name} filters that list at least the servers of the given names, for a caller that keeps
 * only the exact names. Nova matches the filter as a regular expression anywhere in the name, but real
 * Nova (Zed) lists nothing for a pattern with an alternation ({@code ^(a|b)$}: FINDINGS.md), so names
 * are not joined with {@code |}: names sharing a prefix are read with one {@code ^prefix} filter (a
 * deployment's instances share its name), and a name with no prefix in common gets its own {@code ^name$}.
 * Every character but a letter, digit, {@code -} or {@code _} is escaped.
 */
final class NamePatterns {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]");

  private NamePatterns() {}

  static List<String> anchored(Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    String prefix = commonPrefix(names);
    if (names.size() > 1 && !prefix.isEmpty()) {
      return List.of("^" + escape(prefix));
    }
    return names.stream().map(name -> "^" + escape(name) + "$").toList();
  }

  private static String commonPrefix(Collection<String> names) {
    String prefix = names.iterator().next();
    for (String name : names) {
      int i = 0;
      while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    return prefix;
  }

  private static String escape(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(c -> {
      String ch = new String(Character.toChars(c));
      out.append(PLAIN.matcher(ch).matches() ? ch : "\\" + ch);
    });
    return out.toString();
  }
}
