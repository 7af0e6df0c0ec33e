package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order of a plan's work, derived from what the specs depend on and what the kinds use. A change
 * becomes one or two steps: a replacement is "delete the old" then "create the new", since other steps
 * must fall between the two (a server's floating IP goes before the server, and comes back after it).
 *
 * <ul>
 *   <li>A resource is made ready (created, updated, finished) after the resources its spec depends on.
 *   <li>A resource is deleted (or its old self, for a replacement) after every resource being deleted that
 *       may use it: one of a kind that {@linkplain ResourceKind#uses() uses} its kind.
 *   <li>An old resource is kept until its replacement's dependencies are ready, so an instance goes on
 *       serving while its new image is imported; a resource no longer wanted goes only once the desired
 *       resources that could use it instead are ready, and before a resource it used is updated in place.
 *   <li>A resource is created once whatever held its name is deleted; a replacement made under the
 *       {@linkplain dev.hermitcloud.resource.ResourceSpec#otherSide other name} is created first, and its
 *       old self deleted after it ({@link RolloutSteps} adds the health gates and batches).
 * </ul>
 */
final class StepGraph {
  /** One step: what it does and which steps must have succeeded first. Equal only to itself. */
  static final class Step {
    private final PlannedChange change;
    private final Phase phase;
    private final List<Step> after;
    private final List<PlannedChange> unit;

    Step(PlannedChange change, Phase phase, List<Step> after) {
      this(change, phase, after, List.of(change));
    }

    /** A {@link Phase#SERVES} step for an instance and what is attached to it ({@code unit}, the instance first). */
    Step(PlannedChange change, Phase phase, List<Step> after, List<PlannedChange> unit) {
      this.change = change;
      this.phase = phase;
      this.after = after;
      this.unit = unit;
    }

    PlannedChange change() {
      return change;
    }

    Phase phase() {
      return phase;
    }

    /** The steps that must succeed before this one starts. */
    List<Step> after() {
      return after;
    }

    /** The changes this step stands for: its own, or for a serves step its instance's and what is attached. */
    List<PlannedChange> unit() {
      return unit;
    }

    @Override
    public String toString() {
      return phase + " " + change.change().kind().label() + " " + change.change().name();
    }
  }

  /** What a step does with its change. */
  enum Phase {
    /** Create, update or finish the desired resource. */
    READY,
    /** Delete the observed resource (all of a DELETE; the first half of a REPLACE). */
    DELETE,
    /** Wait until a replaced instance's app answers, before a rollout's next batch goes (see {@link Rollout}). */
    SERVES
  }

  private StepGraph() {}

  /** The steps for {@code changes}, each after the steps it must wait for; changes with nothing to do have none. */
  static List<Step> of(List<PlannedChange> changes) {
    return of(changes, Optional.empty());
  }

  /**
   * The steps, with the instances' replacements in batches when a {@code rollout} is given: the deletes of
   * an instance and of what is attached to it (its floating IP) wait until the instance {@code width}
   * places before it (by name) is ready again and, with a health check, answers.
   */
  static List<Step> of(List<PlannedChange> changes, Optional<Rollout> rollout) {
    Map<ResourceRef, PlannedChange> desired = new HashMap<>();
    for (PlannedChange change : changes) {
      change.desired().ifPresent(spec -> desired.put(new ResourceRef(spec.kind(), spec.name()), change));
    }
    Map<PlannedChange, Step> deletes = new IdentityHashMap<>();
    Map<PlannedChange, Step> readies = new IdentityHashMap<>();
    List<Step> steps = new ArrayList<>();
    // Deletes first: their order among themselves comes from the kinds, and ready steps wait on them.
    List<PlannedChange> deleting = changes.stream().filter(c -> deletes(c.change().action())).toList();
    for (PlannedChange change : topologicalByUse(deleting)) {
      List<Step> after = new ArrayList<>();
      for (PlannedChange other : deleting) {
        if (other != change && uses(other.current().orElseThrow().kind(), change.current().orElseThrow().kind())) {
          after.add(deletes.get(other));
        }
      }
      Step step = new Step(change, Phase.DELETE, after);
      deletes.put(change, step);
      steps.add(step);
    }
    for (PlannedChange change : changes) {
      if (needsReadyStep(change)) {
        Step step = new Step(change, Phase.READY, new ArrayList<>());
        readies.put(change, step);
        steps.add(step);
      }
    }
    for (PlannedChange change : changes) {
      Step ready = readies.get(change);
      List<Step> dependencies = new ArrayList<>();
      List<Step> keptFor = new ArrayList<>();
      change.desired().ifPresent(spec -> {
        for (ResourceRef ref : spec.dependsOn()) {
          PlannedChange needed = desired.get(ref);
          if (needed != null && readies.containsKey(needed)) {
            dependencies.add(readies.get(needed));
            // a dependency that is itself replaced must outlive this resource's old self, so that one cannot wait for it
            if (!deletes.containsKey(needed)) {
              keptFor.add(readies.get(needed));
            }
          }
        }
      });
      if (ready != null) {
        ready.after().addAll(dependencies);
        Step own = deletes.get(change);
        if (own != null && change.createsFirst()) {
          own.after().add(ready);
        }
        // a name is free again only once what held it is gone (the old self of an in-place replacement)
        ResourceRef name = new ResourceRef(change.desired().orElseThrow().kind(), change.desired().orElseThrow().name());
        for (Map.Entry<PlannedChange, Step> delete : deletes.entrySet()) {
          Observed held = delete.getKey().current().orElseThrow();
          if (held.kind().equals(name.kind()) && held.name().equals(name.name())) {
            ready.after().add(delete.getValue());
          }
        }
      }
      Step delete = deletes.get(change);
      if (delete != null && change.change().action() == Action.REPLACE) {
        delete.after().addAll(keptFor);
      }
      if (delete != null && change.change().action() == Action.DELETE) {
        ResourceKind kind = change.current().orElseThrow().kind();
        for (PlannedChange other : changes) {
          if (readies.containsKey(other) && uses(other.desired().orElseThrow().kind(), kind)) {
            delete.after().add(readies.get(other));
          }
          // what a replaced resource's new self depends on of this kind, its old self may use this one for
          // (a server in its old server group): the old self goes first
          if (other.change().action() == Action.REPLACE && deletes.containsKey(other)
              && other.desired().orElseThrow().dependsOn().stream().anyMatch(ref -> ref.kind().equals(kind))) {
            delete.after().add(deletes.get(other));
          }
          // what no longer wants a resource lets go of it before the resource is changed in place: an
          // autoscaler left behind would undo the resize of the group it sized
          if (other.change().action() == Action.UPDATE && readies.containsKey(other)
              && uses(kind, other.desired().orElseThrow().kind())) {
            readies.get(other).after().add(delete);
          }
        }
      }
    }
    rollout.ifPresent(r -> RolloutSteps.add(changes, r, desired, deletes, readies, steps));
    requireAcyclic(steps);
    return steps;
  }

  /** A cycle would leave its steps waiting for ever: it is a bug in the rules above or in a provider's kinds. */
  private static void requireAcyclic(List<Step> steps) {
    Map<Step, Integer> state = new IdentityHashMap<>();
    for (Step step : steps) {
      visit(step, state, new ArrayList<>());
    }
  }

  private static void visit(Step step, Map<Step, Integer> state, List<Step> path) {
    Integer seen = state.get(step);
    if (seen != null && seen == 2) {
      return;
    }
    path.add(step);
    if (seen != null) {
      throw new IllegalStateException("the steps wait for each other in a cycle: " + path);
    }
    state.put(step, 1);
    for (Step before : step.after()) {
      visit(before, state, path);
    }
    state.put(step, 2);
    path.remove(path.size() - 1);
  }

  private static boolean deletes(Action action) {
    return action == Action.DELETE || action == Action.REPLACE;
  }

  private static boolean needsReadyStep(PlannedChange change) {
    return switch (change.change().action()) {
      case CREATE, UPDATE, REPLACE -> true;
      case KEEP -> change.current().map(Observed::state).orElse(ResourceState.READY) != ResourceState.READY;
      case DELETE -> false;
    };
  }

  /** Whether resources of {@code user} may use resources of {@code used}, directly or through other kinds. */
  private static boolean uses(ResourceKind user, ResourceKind used) {
    Set<ResourceKind> seen = new LinkedHashSet<>();
    List<ResourceKind> todo = new ArrayList<>(user.uses());
    while (!todo.isEmpty()) {
      ResourceKind next = todo.remove(todo.size() - 1);
      if (next.equals(used)) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(next.uses());
      }
    }
    return false;
  }

  /** The deletions ordered so that users come before what they use (their steps are built in this order). */
  private static List<PlannedChange> topologicalByUse(List<PlannedChange> deleting) {
    List<PlannedChange> ordered = new ArrayList<>();
    List<PlannedChange> left = new ArrayList<>(deleting);
    while (!left.isEmpty()) {
      boolean progressed = false;
      for (PlannedChange change : List.copyOf(left)) {
        ResourceKind kind = change.current().orElseThrow().kind();
        boolean usersDone = left.stream().noneMatch(o -> o != change && uses(o.current().orElseThrow().kind(), kind));
        if (usersDone) {
          ordered.add(change);
          left.remove(change);
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("resource kinds use each other in a cycle: " + left);
      }
    }
    return ordered;
  }

}
