package dev.hermitcloud.internal.validation;

import dev.hermitcloud.InvalidSpecException;
import java.util.regex.Pattern;

/**
 * Rules shared by every value type: each method returns its input when it is valid and otherwise throws
 * an {@link InvalidSpecException} naming the field.
 */
public final class Check {
  /** GCE's and our rule for every resource name; OpenStack accepts a superset. */
  public static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  private Check() {}

  /** A resource name: 1 to 63 characters, lower-case letters, digits and hyphens, starting with a letter. */
  public static String name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidSpecException(field, value,
          "is not a valid name: use 1-63 characters of a-z, 0-9 and '-', starting with a letter and not"
              + " ending with '-' (regex [a-z]([-a-z0-9]{0,61}[a-z0-9])?)");
    }
    return value;
  }

  /** A name that leaves room for a suffix of {@code reserve} characters when resources are named after it. */
  public static String nameWithRoom(String field, String value, int reserve) {
    name(field, value);
    if (value.length() > 63 - reserve) {
      throw new InvalidSpecException(field, value,
          "is too long: at most " + (63 - reserve) + " characters, because resource names add a "
              + reserve + "-character suffix to it");
    }
    return value;
  }

  /** A strictly positive count. */
  public static int positive(String field, int value) {
    if (value < 1) {
      throw new InvalidSpecException(field, value, "must be at least 1");
    }
    return value;
  }

  /** An integer within [min, max]. */
  public static int within(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidSpecException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /** Text that ends up on a command line or in a config file: one line, printable. */
  public static String oneLine(String field, String value, int maxLength) {
    if (value == null) {
      throw new InvalidSpecException(field, null, "is required");
    }
    if (value.length() > maxLength) {
      throw new InvalidSpecException(field, value, "is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new InvalidSpecException(field, value,
            "contains a control character at index " + i + ": use a single line of printable text");
      }
    }
    return value;
  }

  /** A value that must be present. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidSpecException(field, null, "is required");
    }
    return value;
  }

  /** A value that must be given, with the way to give it: {@code fix} completes "is required: ...". */
  public static <T> T required(String field, T value, String fix) {
    if (value == null) {
      throw new InvalidSpecException(field, null, "is required: " + fix);
    }
    return value;
  }
}
