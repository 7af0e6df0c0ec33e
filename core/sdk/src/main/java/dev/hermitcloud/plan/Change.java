package dev.hermitcloud.plan;

import dev.hermitcloud.resource.ResourceKind;
import org.immutables.value.Value;

/** The planned action for one resource, and why. */
@Value.Immutable
public abstract class Change {
  public abstract Action action();

  public abstract ResourceKind kind();

  public abstract String name();

  /** Why this action: "not found", "unchanged", "ports changed", ... */
  public abstract String reason();

  public static Change of(Action action, ResourceKind kind, String name, String reason) {
    return ImmutableChange.builder().action(action).kind(kind).name(name).reason(reason).build();
  }

  @Override
  public String toString() {
    return String.format("%-3s %-8s %s (%s)", action().symbol(), kind().label(), name(), reason());
  }
}
