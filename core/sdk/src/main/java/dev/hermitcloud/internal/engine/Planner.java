package dev.hermitcloud.internal.engine;

import dev.hermitcloud.ResourceConflictException;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Diffs desired resources with observed ones. Reads only: the desired names of each kind (with list calls
 * where the driver {@linkplain ListReads has them}, so an unchanged re-apply costs requests per kind, not
 * per resource), and every resource of each kind that carries the deployment's marks (to find what is no
 * longer wanted).
 */
final class Planner {
  private final Session session;

  Planner(Session session) {
    this.session = session;
  }

  /** The changes, two-named instances replaced beside their old selves only if {@code beside}. */
  List<PlannedChange> plan(String deployment, List<ResourceSpec> desired, boolean beside) throws Exception {
    Set<ResourceRef> wanted = new HashSet<>();
    for (ResourceSpec spec : desired) {
      if (!wanted.add(ref(spec.kind(), spec.name()))) {
        throw new IllegalStateException("the provider asked for " + ref(spec.kind(), spec.name()) + " twice");
      }
      // the other name is the resource's too: Sides decides what of the two stays
      spec.otherSide().ifPresent(other -> wanted.add(ref(other.kind(), other.name())));
    }
    Kinds kinds = session.kinds();
    Map<ResourceRef, Observed> current = read(desired);
    List<List<Observed>> owned = session.parallel(kinds.all().stream()
        .<Session.Task<List<Observed>>>map(driver -> () -> session.retried(
            "list " + driver.kind().label() + "s of " + deployment, () -> driver.listOwned(deployment)))
        .toList());

    List<PlannedChange> changes = new Sides(deployment, current, (spec, observed) -> diff(deployment, spec, observed),
        beside).plan(desired);
    followReplacements(changes);
    for (List<Observed> ofKind : owned) {
      for (Observed observed : ofKind) {
        if (observed.ownedBy(deployment) && !wanted.contains(ref(observed.kind(), observed.name()))) {
          changes.add(new PlannedChange(Change.of(Action.DELETE, observed.kind(), observed.name(), "no longer wanted"),
              Optional.empty(), Optional.of(observed)));
        }
      }
    }
    return changes;
  }

  /** What exists under the desired names, and under the other names of those that have two. */
  private Map<ResourceRef, Observed> read(List<ResourceSpec> desired) throws Exception {
    List<ResourceRef> refs = new ArrayList<>();
    for (ResourceSpec spec : desired) {
      refs.add(ref(spec.kind(), spec.name()));
      spec.otherSide().ifPresent(other -> refs.add(ref(other.kind(), other.name())));
    }
    return new NameReads(session).read(refs);
  }

  /** A resource attached to one that is replaced is replaced with it (to a fixed point, for chains). */
  private static void followReplacements(List<PlannedChange> changes) {
    for (boolean changed = true; changed; ) {
      changed = false;
      Set<ResourceRef> replaced = new HashSet<>();
      for (PlannedChange change : changes) {
        if (change.change().action() == Action.REPLACE) {
          replaced.add(ref(change.change().kind(), change.change().name()));
        }
      }
      for (int i = 0; i < changes.size(); i++) {
        PlannedChange change = changes.get(i);
        Action action = change.change().action();
        if ((action == Action.KEEP || action == Action.UPDATE) && change.desired().isPresent()) {
          for (ResourceRef ref : change.desired().get().attachedTo()) {
            if (replaced.contains(ref)) {
              changes.set(i, change(Action.REPLACE, change.desired().get(), change.current(), "its " + ref + " is replaced"));
              changed = true;
              break;
            }
          }
        }
      }
    }
  }

  private PlannedChange diff(String deployment, ResourceSpec spec, Optional<Observed> current) {
    if (current.isEmpty()) {
      return change(Action.CREATE, spec, current, "not found");
    }
    Observed observed = current.get();
    if (!observed.ownedBy(deployment)) {
      String owner = observed.owner().map(o -> "owned by deployment '" + o.deployment() + "'")
          .orElse("not marked as owned by any hermit-cloud deployment");
      throw new ResourceConflictException(spec.kind(), spec.name(), deployment, owner);
    }
    if (observed.state() == ResourceState.FAILED) {
      return change(Action.REPLACE, spec, current, "failed: " + observed.stateMessage().orElse("no reason given"));
    }
    if (observed.state() == ResourceState.DELETING) {
      return change(Action.REPLACE, spec, current, "being deleted");
    }
    String fingerprint = observed.owner().get().fingerprint();
    if (fingerprint.equals(spec.fingerprint())) {
      String reason = observed.state() == ResourceState.PENDING ? "unchanged, still pending" : "unchanged";
      return change(Action.KEEP, spec, current, reason);
    }
    boolean sameIdentity = observed.owner().get().replaceFingerprint().equals(spec.replaceFingerprint());
    ResourceDriver<ResourceSpec> driver = session.kinds().require(spec.kind());
    if (sameIdentity && driver.updatesInPlace()) {
      return change(Action.UPDATE, spec, current, "changed, updatable in place");
    }
    return change(Action.REPLACE, spec, current, "changed");
  }

  private static PlannedChange change(Action action, ResourceSpec spec, Optional<Observed> current, String reason) {
    return new PlannedChange(Change.of(action, spec.kind(), spec.name(), reason), Optional.of(spec), current);
  }

  private static ResourceRef ref(ResourceKind kind, String name) {
    return new ResourceRef(kind, name);
  }
}
