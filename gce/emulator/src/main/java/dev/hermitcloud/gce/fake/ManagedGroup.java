package dev.hermitcloud.gce.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members of one instance group manager and whether it is being deleted. Guarded by the store lock. */
final class ManagedGroup {
  final ResourceKey key;
  final Map<String, ManagedMember> members = new LinkedHashMap<>();
  /** The manager's delete, DONE when its last instance is gone; null while it lives. */
  FakeOperation deleting;

  ManagedGroup(ResourceKey key) {
    this.key = key;
  }

  /** Members that are to stay (not being removed), oldest first. */
  List<ManagedMember> active() {
    List<ManagedMember> out = new ArrayList<>();
    for (ManagedMember m : members.values()) {
      if (!m.removing) {
        out.add(m);
      }
    }
    return out;
  }

  ResourceKey instanceKey(ManagedMember member) {
    return ResourceKey.zonal(ComputeKind.INSTANCE, key.project(), member.zone, member.name);
  }
}
