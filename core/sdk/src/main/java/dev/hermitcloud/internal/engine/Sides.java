package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of its two names a two-named instance is planned under ({@link ResourceSpec#otherSide()}), and
 * so whether its replacement is made beside it: the name it has now while it needs no replacement, the
 * other one when it does, unless the machine it has now serves nothing (failed, stopped or being
 * deleted), which is then replaced in place. What is attached to it follows it to the same side.
 *
 * <p>Both names in use means an apply stopped between making a replacement and deleting the old machine.
 * The one that is what the spec asks for is kept and the other deleted once the kept one answers; if
 * neither is, the replacement is made again beside the one under the first name, after the other goes.
 */
final class Sides {
  /** The change for one spec against what exists under its name (the planner's diff). */
  interface Diff {
    PlannedChange of(ResourceSpec spec, Optional<Observed> current);
  }

  /** The side an instance is planned under, reachable by either of its names. */
  private record Choice(ResourceSpec side, boolean movesAside) {}

  private final String deployment;
  private final Map<ResourceRef, Observed> found;
  private final Diff diff;
  private final boolean beside;
  private final Map<String, Choice> instances = new HashMap<>();

  /** With {@code beside} false (a rollout with no surge) an instance is replaced in place, under the name it has. */
  Sides(String deployment, Map<ResourceRef, Observed> found, Diff diff, boolean beside) {
    this.deployment = deployment;
    this.found = found;
    this.diff = diff;
    this.beside = beside;
  }

  /** The changes for {@code desired}, in its order; a spec with two names may bring the delete of its other side. */
  List<PlannedChange> plan(List<ResourceSpec> desired) {
    Map<ResourceSpec, List<PlannedChange>> byInstance = new HashMap<>();
    for (ResourceSpec spec : desired) {
      if (spec.otherSide().isPresent() && spec.kind().equals(ResourceKind.INSTANCE)) {
        byInstance.put(spec, instance(spec, spec.otherSide().get()));
      }
    }
    List<PlannedChange> changes = new ArrayList<>();
    for (ResourceSpec spec : desired) {
      if (byInstance.containsKey(spec)) {
        changes.addAll(byInstance.get(spec));
      } else if (spec.otherSide().isPresent()) {
        changes.addAll(attached(spec, spec.otherSide().get()));
      } else {
        changes.add(diff.of(spec, observed(spec)));
      }
    }
    return changes;
  }

  private List<PlannedChange> instance(ResourceSpec first, ResourceSpec second) {
    Optional<Observed> here = observed(first);
    Optional<Observed> there = observed(second);
    if (there.isPresent() && !there.get().ownedBy(deployment)) {
      // the second name is another's: this instance is replaced under its first, the old machine going first
      return choose(first, first, false, List.of(diff.of(first, here)));
    }
    if (here.isPresent() && there.isPresent()) {
      PlannedChange underFirst = diff.of(first, here);
      PlannedChange underSecond = diff.of(second, there);
      if (replaces(underFirst) && !replaces(underSecond)) {
        return choose(first, second, false, List.of(underSecond, leftOver(here.get(), there.get())));
      }
      if (!replaces(underFirst) || !beside) {
        return choose(first, first, false, List.of(underFirst, leftOver(there.get(), here.get())));
      }
      return choose(first, second, true, List.of(aside(underFirst, second, here.get()),
          leftOver(there.get(), here.get())));
    }
    if (here.isEmpty() && there.isEmpty()) {
      return choose(first, first, false, List.of(diff.of(first, here)));
    }
    ResourceSpec now = here.isPresent() ? first : second;
    ResourceSpec other = here.isPresent() ? second : first;
    Observed current = here.or(() -> there).orElseThrow();
    PlannedChange change = diff.of(now, Optional.of(current));
    if (!replaces(change) || !serves(current) || !beside) {
      return choose(first, now, false, List.of(change));
    }
    return choose(first, other, true, List.of(aside(change, other, current)));
  }

  /** An attached resource (a server's floating IP) goes to its instance's side, and with it. */
  private List<PlannedChange> attached(ResourceSpec spec, ResourceSpec otherSide) {
    Choice instance = spec.attachedTo().stream().map(ref -> instances.get(ref.name())).filter(java.util.Objects::nonNull)
        .findFirst().orElseThrow(() -> new IllegalStateException(spec.kind().label() + " " + spec.name()
            + " has two names but is attached to no instance that has"));
    String instanceName = instance.side().name();
    ResourceSpec side = spec.attachedTo().stream().anyMatch(ref -> ref.name().equals(instanceName)) ? spec : otherSide;
    ResourceSpec left = side == spec ? otherSide : spec;
    Optional<Observed> now = observed(side);
    Optional<Observed> before = observed(left).filter(o -> o.ownedBy(deployment));
    if (instance.movesAside() && now.isEmpty() && before.isPresent()) {
      return List.of(new PlannedChange(Change.of(Action.REPLACE, side.kind(), side.name(), "follows its instance to "
          + instanceName), Optional.of(side), before, true));
    }
    List<PlannedChange> changes = new ArrayList<>(List.of(diff.of(side, now)));
    before.ifPresent(o -> changes.add(leftOver(o, null)));
    return changes;
  }

  private List<PlannedChange> choose(ResourceSpec first, ResourceSpec side, boolean movesAside, List<PlannedChange> changes) {
    Choice choice = new Choice(side, movesAside);
    instances.put(first.name(), choice);
    first.otherSide().ifPresent(other -> instances.put(other.name(), choice));
    return changes;
  }

  /** The replacement {@code replacing} planned again as one made under the other name, beside {@code current}. */
  private static PlannedChange aside(PlannedChange replacing, ResourceSpec side, Observed current) {
    String reason = replacing.change().reason() + "; made beside " + current.name() + ", which goes once it is up";
    return new PlannedChange(Change.of(Action.REPLACE, side.kind(), side.name(), reason), Optional.of(side),
        Optional.of(current), true);
  }

  private static PlannedChange leftOver(Observed other, Observed kept) {
    String reason = kept == null ? "left on its instance's other side"
        : "left beside " + kept.name() + " by an apply that stopped";
    return new PlannedChange(Change.of(Action.DELETE, other.kind(), other.name(), reason), Optional.empty(),
        Optional.of(other));
  }

  /**
   * Whether the old machine may be serving, and so is worth keeping until its successor is: a failed one
   * (Nova's ERROR, a stopped guest) or one being deleted goes first, and frees its quota for the new one.
   */
  private static boolean serves(Observed current) {
    return current.state() == ResourceState.READY || current.state() == ResourceState.PENDING;
  }

  private static boolean replaces(PlannedChange change) {
    return change.change().action() == Action.REPLACE;
  }

  private Optional<Observed> observed(ResourceSpec spec) {
    return Optional.ofNullable(found.get(new ResourceRef(spec.kind(), spec.name())));
  }
}
