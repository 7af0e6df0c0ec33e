package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.internal.engine.StepGraph.Phase;
import dev.hermitcloud.internal.engine.StepGraph.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rollout's part of a {@link StepGraph}: an instance's replacement as a unit with what is attached to
 * it (its floating IP), gated on the new instance answering and batched by the {@link Rollout}.
 *
 * <ul>
 *   <li>A unit made beside its old instance deletes the old one, and what was attached to it, only once
 *       the new one is up and, with a health check, answers; at most {@code surge} such units are made
 *       before an earlier unit's old instance is gone.
 *   <li>A unit replaced in place deletes its old instance at most {@code unavailable} units after the
 *       last one that is back (and, in a group, answers).
 *   <li>What an interrupted apply left under an instance's other name goes once the kept instance answers.
 * </ul>
 */
final class RolloutSteps {
  private RolloutSteps() {}

  static void add(List<PlannedChange> changes, Rollout rollout, Map<ResourceRef, PlannedChange> desired,
      Map<PlannedChange, Step> deletes, Map<PlannedChange, Step> readies, List<Step> steps) {
    Map<PlannedChange, List<PlannedChange>> units = units(changes, desired);
    Map<PlannedChange, PlannedChange> leadOf = new IdentityHashMap<>();
    units.forEach((lead, unit) -> unit.forEach(member -> leadOf.put(member, lead)));

    // by kind, an instance's delete waits for every floating IP's; only its own unit's may use it, and
    // waiting for another unit's would wait for ever
    for (PlannedChange lead : units.keySet()) {
      Step delete = deletes.get(lead);
      if (delete != null) {
        delete.after().removeIf(before -> {
          PlannedChange owner = leadOf.get(before.change());
          return owner != null && owner != lead;
        });
      }
    }
    // what is attached to an old instance (its floating IP) serves as long as the instance: until what the
    // new instance needs is ready, as the instance's own delete waits
    units.forEach((lead, unit) -> {
      for (ResourceRef needed : lead.desired().orElseThrow().dependsOn()) {
        Step ready = Optional.ofNullable(desired.get(needed)).map(readies::get).orElse(null);
        if (ready != null && !deletes.containsKey(desired.get(needed))) {
          unit.stream().skip(1).map(deletes::get).filter(Objects::nonNull).forEach(d -> d.after().add(ready));
        }
      }
    });

    Map<PlannedChange, List<Step>> gates = new IdentityHashMap<>();
    units.forEach((lead, unit) -> {
      List<Step> ready = unit.stream().filter(m -> m.desired().isPresent()).map(readies::get).filter(Objects::nonNull).toList();
      boolean inPlace = lead.change().action() == Action.REPLACE && !lead.createsFirst();
      if (rollout.health().isPresent() && (!inPlace || rollout.gatesInPlace())) {
        Step serves = new Step(lead, Phase.SERVES, new ArrayList<>(ready), unit);
        steps.add(serves);
        gates.put(lead, List.of(serves));
      } else {
        gates.put(lead, ready);
      }
      if (!inPlace) {
        // the old instance, and what was attached to it or left under the other name, go after the new answers
        unit.stream().map(deletes::get).filter(Objects::nonNull).forEach(d -> d.after().addAll(gates.get(lead)));
      }
    });

    List<PlannedChange> aside = units.keySet().stream().filter(PlannedChange::createsFirst).toList();
    for (int i = rollout.surge(); i < aside.size(); i++) {
      Step earlierOld = deletes.get(aside.get(i - rollout.surge()));
      readies.get(aside.get(i)).after().add(earlierOld);
    }
    List<PlannedChange> inPlace = units.keySet().stream()
        .filter(c -> c.change().action() == Action.REPLACE && !c.createsFirst()).toList();
    for (int i = rollout.unavailable(); i < inPlace.size(); i++) {
      List<Step> before = gates.get(inPlace.get(i - rollout.unavailable()));
      units.get(inPlace.get(i)).stream().map(deletes::get).filter(Objects::nonNull)
          .forEach(delete -> delete.after().addAll(before));
    }
  }

  /**
   * Each replaced instance, and each kept one that an interrupted apply left a second machine beside, by
   * name: the instance first, then the changes attached to it and what is left under its other names.
   */
  private static Map<PlannedChange, List<PlannedChange>> units(List<PlannedChange> changes,
      Map<ResourceRef, PlannedChange> desired) {
    Map<ResourceRef, PlannedChange> byOtherName = new LinkedHashMap<>();
    for (PlannedChange change : changes) {
      change.desired().flatMap(ResourceSpec::otherSide).ifPresent(other ->
          byOtherName.put(new ResourceRef(other.kind(), other.name()), change));
    }
    Map<PlannedChange, List<PlannedChange>> units = new LinkedHashMap<>();
    changes.stream().filter(c -> c.change().kind().equals(ResourceKind.INSTANCE) && c.desired().isPresent())
        .sorted(Comparator.comparing(c -> c.change().name()))
        .forEach(instance -> units.put(instance, new ArrayList<>(List.of(instance))));
    for (PlannedChange change : changes) {
      Optional<PlannedChange> lead = change.desired().isPresent()
          ? change.desired().get().attachedTo().stream().map(desired::get).filter(Objects::nonNull)
              .filter(units::containsKey).findFirst()
          : leftOverBy(change, byOtherName, desired).filter(units::containsKey);
      lead.filter(l -> l != change).ifPresent(l -> units.get(l).add(change));
    }
    units.values().removeIf(unit -> unit.get(0).change().action() != Action.REPLACE
        && unit.stream().noneMatch(m -> m.change().action() == Action.DELETE));
    return units;
  }

  /** For a delete of what is left under a desired resource's other name, the instance it belongs with. */
  private static Optional<PlannedChange> leftOverBy(PlannedChange delete, Map<ResourceRef, PlannedChange> byOtherName,
      Map<ResourceRef, PlannedChange> desired) {
    ResourceRef held = new ResourceRef(delete.current().orElseThrow().kind(), delete.current().orElseThrow().name());
    PlannedChange keeper = byOtherName.get(held);
    if (keeper == null || keeper.change().kind().equals(ResourceKind.INSTANCE)) {
      return Optional.ofNullable(keeper);
    }
    return keeper.desired().orElseThrow().attachedTo().stream().map(desired::get).filter(Objects::nonNull).findFirst();
  }
}
