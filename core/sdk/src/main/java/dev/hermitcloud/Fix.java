package dev.hermitcloud;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * How to repair a refused input, in two wordings: the Java call that repairs it, for the message a Java
 * user reads, and the same repair as spec fields with example values, for tools that speak another language
 * (the {@code hermit} CLI renders {@code firewall.sources = 203.0.113.0/24} as {@code --from 203.0.113.0/24}).
 *
 * <pre>{@code
 * Fix fix = Fix.set("firewall.sources", "203.0.113.0/24").java(".from(\"203.0.113.0/24\")")
 *     .note("or 0.0.0.0/0 for everyone");
 * fix.inJava();   // .from("203.0.113.0/24") (or 0.0.0.0/0 for everyone)
 * }</pre>
 *
 * @param settings the fields to set, in the order to give them, each with an example value
 * @param java the Java call (or calls) that make the same change
 * @param note what both wordings add, such as the alternatives; empty for none
 */
public record Fix(List<Setting> settings, String java, String note) implements Serializable {
  /** One field to set and an example value for it; {@code field} is a dotted spec path such as {@code target.bucket}. */
  public record Setting(String field, String example) implements Serializable {
    public Setting {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(example, "example");
    }
  }

  public Fix {
    settings = List.copyOf(settings);
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(note, "note");
  }

  /** A fix that sets {@code field}; give its Java wording with {@link #java(String)}. */
  public static Fix set(String field, String example) {
    return new Fix(List.of(new Setting(field, example)), "", "");
  }

  /** This fix, also setting {@code field} (after the others). */
  public Fix and(String field, String example) {
    List<Setting> more = new java.util.ArrayList<>(settings);
    more.add(new Setting(field, example));
    return new Fix(more, java, note);
  }

  /** This fix with its Java wording. */
  public Fix java(String call) {
    return new Fix(settings, call, note);
  }

  /** This fix with a note both wordings end with. */
  public Fix note(String text) {
    return new Fix(settings, java, text);
  }

  /** The fix as a Java user reads it: the call, then the note in parentheses. */
  public String inJava() {
    return note.isEmpty() ? java : java + " (" + note + ")";
  }
}
