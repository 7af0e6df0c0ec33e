package dev.hermitcloud.gce.fake;

/** Identifies a compute resource; {@code zone} is null for global kinds. */
record ResourceKey(ComputeKind kind, String project, String zone, String name)
    implements Comparable<ResourceKey> {

  static ResourceKey global(ComputeKind kind, String project, String name) {
    return new ResourceKey(kind, project, null, name);
  }

  static ResourceKey zonal(ComputeKind kind, String project, String zone, String name) {
    return new ResourceKey(kind, project, zone, name);
  }

  /** {@code projects/P/global/images/N} or {@code projects/P/zones/Z/instances/N}. */
  String path() {
    return zone == null
        ? ResourceLinks.globalPath(project, kind.collection(), name)
        : ResourceLinks.zonalPath(project, zone, kind.collection(), name);
  }

  @Override
  public int compareTo(ResourceKey o) {
    int c = kind.compareTo(o.kind);
    if (c == 0) {
      c = project.compareTo(o.project);
    }
    if (c == 0) {
      c = String.valueOf(zone).compareTo(String.valueOf(o.zone));
    }
    return c != 0 ? c : name.compareTo(o.name);
  }
}
