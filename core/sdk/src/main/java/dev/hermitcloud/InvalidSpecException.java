package dev.hermitcloud;

import java.util.Objects;

/**
 * A deployment input that breaks a rule, found before any cloud call is made.
 *
 * <p>The message always names the field, the offending value and the rule with its fix, so that a user
 * reading only the message knows what to change. The parts are also available separately for tools, and
 * where the repair is a setting, {@link #fix()} says it as spec fields so a tool can word it its own way:
 *
 * <pre>{@code
 * catch (InvalidSpecException e) {
 *   e.fix().ifPresent(fix -> fix.settings().forEach(s -> System.err.println("set " + s.field() + " = " + s.example())));
 * }
 * }</pre>
 */
public final class InvalidSpecException extends HermitException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String rule;
  private final Fix fix;

  public InvalidSpecException(String field, Object value, String rule) {
    this(field, value, rule, null);
  }

  /**
   * An input refused with a repair: the message is {@code rule}, a space and the fix in Java, so {@code rule}
   * ends where the repair starts, as in {@code "is empty: say who may connect with"}. A fix without Java wording
   * (the rule already says it, as in {@code "did you mean 10.0.0.0/8?"}) leaves the message as {@code rule}.
   */
  public InvalidSpecException(String field, Object value, String rule, Fix fix) {
    super(field + ": " + quote(value) + " " + rule + (fix == null || fix.inJava().isEmpty() ? "" : " " + fix.inJava()), null);
    this.field = Objects.requireNonNull(field, "field");
    this.value = String.valueOf(value);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.fix = fix;
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

  /** The rule that was broken and how to satisfy it (without the {@link #fix()}, when there is one). */
  public String rule() {
    return rule;
  }

  /** The repair as settings, when the repair is to set fields. */
  public java.util.Optional<Fix> fix() {
    return java.util.Optional.ofNullable(fix);
  }
}
