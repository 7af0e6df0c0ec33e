package dev.hermitcloud.gce.fake;

/** The compute resource kinds the fake keeps, with their collection names and scope. */
enum ComputeKind {
  IMAGE("image", "images", false),
  INSTANCE("instance", "instances", true),
  FIREWALL("firewall", "firewalls", false),
  HEALTH_CHECK("healthCheck", "healthChecks", false),
  INSTANCE_TEMPLATE("instanceTemplate", "instanceTemplates", false),
  INSTANCE_GROUP_MANAGER("instanceGroupManager", "instanceGroupManagers", true),
  AUTOSCALER("autoscaler", "autoscalers", true),
  /** Regional: kept under its region, not a zone (see {@link ResourceKey#regional}). */
  REGION_INSTANCE_GROUP_MANAGER("regionInstanceGroupManager", "instanceGroupManagers", false),
  REGION_AUTOSCALER("regionAutoscaler", "autoscalers", false);

  private final String label;
  private final String collection;
  private final boolean zonal;

  ComputeKind(String label, String collection, boolean zonal) {
    this.label = label;
    this.collection = collection;
    this.zonal = zonal;
  }

  /** The kind as stats and {@link FakeResource#kind()} name it. */
  String label() {
    return label;
  }

  String collection() {
    return collection;
  }

  boolean zonal() {
    return zonal;
  }
}
