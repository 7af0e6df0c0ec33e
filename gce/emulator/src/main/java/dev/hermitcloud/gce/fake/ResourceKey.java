package dev.hermitcloud.gce.fake;

/** Identifies a compute resource; {@code zone} is set for zonal kinds, {@code region} for regional ones. */
record ResourceKey(ComputeKind kind, String project, String zone, String region, String name)
    implements Comparable<ResourceKey> {

  static ResourceKey global(ComputeKind kind, String project, String name) {
    return new ResourceKey(kind, project, null, null, name);
  }

  static ResourceKey zonal(ComputeKind kind, String project, String zone, String name) {
    return new ResourceKey(kind, project, zone, null, name);
  }

  static ResourceKey regional(ComputeKind kind, String project, String region, String name) {
    return new ResourceKey(kind, project, null, region, name);
  }

  /** The zone or the region the resource lives in; null for a global one. */
  String location() {
    return zone != null ? zone : region;
  }

  /** {@code projects/P/global/images/N}, {@code projects/P/zones/Z/instances/N} or {@code .../regions/R/...}. */
  String path() {
    if (region != null) {
      return ResourceLinks.regionalPath(project, region, kind.collection(), name);
    }
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
      c = String.valueOf(location()).compareTo(String.valueOf(o.location()));
    }
    return c != 0 ? c : name.compareTo(o.name);
  }
}
