package dev.hermitcloud.plan;

import dev.hermitcloud.resource.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The changes {@code apply()} would make to reach the desired state, computed from what the cloud
 * reports now. Computing a plan changes nothing.
 */
@Value.Immutable
public abstract class Plan {
  public abstract String deployment();

  /** The target, as {@code Target.describe()} says it. */
  public abstract String target();

  public abstract List<Change> changes();

  /**
   * The machine type the instances get, as the cloud resolved it ({@code e2-micro (2 vCPU, 1024 MiB, boot
   * disk pd-balanced)}); absent in a destroy plan.
   */
  public abstract Optional<String> machineType();

  /** Whether applying would call the cloud to change anything. */
  public boolean hasChanges() {
    return changes().stream().anyMatch(c -> c.action().mutates());
  }

  /** The change planned for a resource, if it is part of the plan. */
  public Optional<Change> change(ResourceKind kind, String name) {
    return changes().stream().filter(c -> c.kind() == kind && c.name().equals(name)).findFirst();
  }

  /** How many changes of each action. */
  public Map<Action, Integer> counts() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Change change : changes()) {
      counts.merge(change.action(), 1, Integer::sum);
    }
    return counts;
  }

  /** The plan as text, one line per resource, then a summary. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Plan for deployment ").append(deployment()).append(" on ").append(target()).append('\n');
    machineType().ifPresent(type -> out.append("  machine type ").append(type).append('\n'));
    for (Change change : changes()) {
      out.append("  ").append(change).append('\n');
    }
    Map<Action, Integer> counts = counts();
    out.append(String.format("%d to create, %d to update, %d to replace, %d to delete, %d unchanged%n",
        counts.getOrDefault(Action.CREATE, 0), counts.getOrDefault(Action.UPDATE, 0),
        counts.getOrDefault(Action.REPLACE, 0), counts.getOrDefault(Action.DELETE, 0),
        counts.getOrDefault(Action.KEEP, 0)));
    return out.toString();
  }

  public static ImmutablePlan.Builder builder() {
    return ImmutablePlan.builder();
  }

  @Override
  public String toString() {
    return render();
  }
}
