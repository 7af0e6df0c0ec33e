package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * All compute resources of all projects. Its monitor is the one lock of compute state: handlers and
 * operations mutate only inside {@code synchronized (store)}.
 */
final class ComputeStore {
  private final Map<ResourceKey, StoredResource> resources = new TreeMap<>();
  private long nextId = 1_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1L << 50);
  private long sequence;

  synchronized long newId() {
    return nextId++;
  }

  /** The resource whatever its visibility, or null. */
  synchronized StoredResource find(ResourceKey key) {
    return resources.get(key);
  }

  /** The resource if GET can see it, or null. */
  synchronized StoredResource visible(ResourceKey key) {
    StoredResource r = resources.get(key);
    return r != null && r.visible() ? r : null;
  }

  /** Visible resources of one kind in a project (and zone or region, when not null), ordered by name. */
  synchronized List<StoredResource> list(ComputeKind kind, String project, String location) {
    List<StoredResource> out = new ArrayList<>();
    for (StoredResource r : resources.values()) {
      ResourceKey k = r.key();
      if (k.kind() == kind && k.project().equals(project)
          && (location == null || location.equals(k.location())) && r.visible()) {
        out.add(r);
      }
    }
    return out;
  }

  /** Visible resources of one kind in every project. */
  synchronized List<StoredResource> all(ComputeKind kind) {
    List<StoredResource> out = new ArrayList<>();
    for (StoredResource r : resources.values()) {
      if (r.key().kind() == kind && r.visible()) {
        out.add(r);
      }
    }
    return out;
  }

  synchronized StoredResource add(ResourceKey key, long id, ObjectNode json, boolean visible) {
    StoredResource r = new StoredResource(key, id, sequence++, json, visible);
    resources.put(key, r);
    return r;
  }

  synchronized void remove(ResourceKey key) {
    resources.remove(key);
  }

  synchronized void clear() {
    resources.clear();
  }
}
