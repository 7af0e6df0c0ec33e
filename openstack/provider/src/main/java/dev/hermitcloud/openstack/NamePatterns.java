package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.NameAlternations;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Nova {@code name} filters for many exact names: Nova matches the filter as a regular expression
 * anywhere in the name, so each is anchored, {@code ^(a|b)$}, with every character that is not a
 * letter, digit, {@code -} or {@code _} escaped. Chunked to keep each request's URL short.
 */
final class NamePatterns {
  private static final int MAX_CHARS = 2000;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]");

  private NamePatterns() {}

  static List<String> anchored(Collection<String> names) {
    return NameAlternations.of(names.stream().map(NamePatterns::escape).toList(), MAX_CHARS).stream()
        .map(group -> "^(" + group + ")$").toList();
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
