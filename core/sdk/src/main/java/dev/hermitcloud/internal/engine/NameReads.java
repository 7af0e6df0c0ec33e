package dev.hermitcloud.internal.engine;

import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads resources by name, each under the retry policy: a kind whose driver {@linkplain ListReads lists}
 * costs one list read (a request per page) for all its names, any other kind a read per name; all of
 * them side by side. Planning and the read-back after apply both go through here, so neither costs a
 * request per instance where the cloud can list.
 */
final class NameReads {
  private final Session session;

  NameReads(Session session) {
    this.session = session;
  }

  /** What exists of {@code refs}; a ref without an entry does not exist. */
  Map<ResourceRef, Observed> read(List<ResourceRef> refs) throws Exception {
    Kinds kinds = session.kinds();
    Map<ResourceKind, Set<String>> listed = new LinkedHashMap<>();
    List<Session.Task<Map<ResourceRef, Observed>>> tasks = new ArrayList<>();
    for (ResourceRef ref : refs) {
      if (kinds.lists(ref.kind()).isPresent()) {
        listed.computeIfAbsent(ref.kind(), k -> new LinkedHashSet<>()).add(ref.name());
      } else {
        tasks.add(() -> session.retried("read " + ref.kind().label() + " " + ref.name(),
                () -> kinds.require(ref.kind()).read(ref.name()))
            .map(observed -> Map.of(ref, observed)).orElse(Map.of()));
      }
    }
    listed.forEach((kind, names) -> tasks.add(() -> {
      Map<String, Observed> found = session.retried("list " + names.size() + " " + kind.label() + "(s) by name",
          () -> kinds.lists(kind).orElseThrow().readAll(names));
      Map<ResourceRef, Observed> byRef = new HashMap<>();
      // a driver may report more than was asked (a page holds what it holds): keep what was
      found.forEach((name, observed) -> {
        if (names.contains(name)) {
          byRef.put(new ResourceRef(kind, name), observed);
        }
      });
      return byRef;
    }));
    Map<ResourceRef, Observed> found = new HashMap<>();
    session.parallel(tasks).forEach(found::putAll);
    return found;
  }
}
