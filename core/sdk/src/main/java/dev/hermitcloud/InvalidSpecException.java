package dev.hermitcloud;

import java.util.Objects;

/**
 * A deployment input that breaks a rule, found before any cloud call is made.
 *
 * <p>The message always names the field, the offending value and the rule with its fix, so that a user
 * reading only the message knows what to change. The parts are also available separately for tools.
 */
public final class InvalidSpecException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String rule;

  public InvalidSpecException(String field, Object value, String rule) {
    super(field + ": " + quote(value) + " " + rule, null);
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(value);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  private static String quote(Object value) {
    if (value == null) {
      return "(missing)";
    }
    String text = String.valueOf(value);
    return text.length() > 200 ? "'" + text.substring(0, 200) + "...'" : "'" + text + "'";
  }

  /** The dotted path of the bad field, for example {@code firewall.sources[1]}. */
  public String field() {
    return field;
  }

  /** The rejected value as text. */
  public String value() {
    return value;
  }

  /** The rule that was broken and how to satisfy it. */
  public String rule() {
    return rule;
  }
}
