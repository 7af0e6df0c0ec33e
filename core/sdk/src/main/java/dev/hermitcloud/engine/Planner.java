package dev.hermitcloud.engine;

import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Change;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import dev.hermitcloud.resource.ResourceState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Diffs desired resources with observed ones. Reads only: a resource per desired name, and every resource
 * of each kind that carries the deployment's marks (to find what is no longer wanted).
 */
final class Planner {
  private final Session session;

  Planner(Session session) {
    this.session = session;
  }

  List<PlannedChange> plan(String deployment, List<ResourceSpec> desired) throws Exception {
    List<PlannedChange> changes = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (ResourceSpec spec : desired) {
      wanted.add(key(spec.kind(), spec.name()));
    }
    List<Optional<Observed>> current = session.parallel(desired.stream()
        .<Session.Task<Optional<Observed>>>map(spec -> () -> session.call("read " + spec.kind().label() + " " + spec.name(),
            () -> Drivers.require(session.provider(), spec.kind()).read(spec.name())))
        .toList());
    List<ResourceKind> kinds = List.of(ResourceKind.values());
    List<List<Observed>> owned = session.parallel(kinds.stream()
        .<Session.Task<List<Observed>>>map(kind -> () -> {
          Optional<ResourceDriver<ResourceSpec>> driver = Drivers.of(session.provider(), kind);
          return driver.isEmpty() ? List.of()
              : session.call("list " + kind.label() + "s of " + deployment, () -> driver.get().listOwned(deployment));
        })
        .toList());

    for (int i = 0; i < desired.size(); i++) {
      changes.add(diff(deployment, desired.get(i), current.get(i)));
    }
    for (List<Observed> ofKind : owned) {
      for (Observed observed : ofKind) {
        if (observed.ownedBy(deployment) && !wanted.contains(key(observed.kind(), observed.name()))) {
          changes.add(new PlannedChange(Change.of(Action.DELETE, observed.kind(), observed.name(), "no longer wanted"),
              Optional.empty(), Optional.of(observed)));
        }
      }
    }
    return changes;
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
    if (sameIdentity && Drivers.require(session.provider(), spec.kind()).updatesInPlace()) {
      return change(Action.UPDATE, spec, current, "changed, updatable in place");
    }
    return change(Action.REPLACE, spec, current, "changed");
  }

  private static PlannedChange change(Action action, ResourceSpec spec, Optional<Observed> current, String reason) {
    return new PlannedChange(Change.of(action, spec.kind(), spec.name(), reason), Optional.of(spec), current);
  }

  private static String key(ResourceKind kind, String name) {
    return kind + "/" + name;
  }
}
