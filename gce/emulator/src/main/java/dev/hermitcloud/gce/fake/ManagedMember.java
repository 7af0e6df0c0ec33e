package dev.hermitcloud.gce.fake;

/**
 * One managed instance as its group sees it: the name it keeps across recreations, the template it
 * is meant to run, what the group is doing to it and its last health verdict. Guarded by the store lock.
 */
final class ManagedMember {
  final String name;
  /** The zone its instance lives in (one of a regional group's zones). */
  final String zone;
  /** The template URL of the instance that exists now (or is being created). */
  String template;
  /** GCE's currentAction: CREATING, RECREATING, VERIFYING, DELETING or NONE. */
  String action = "CREATING";
  /** detailedHealthState; null before the first probe is due. */
  String health;
  /** Deleted for good (scale-in, update, the group's own delete), not to be recreated. */
  boolean removing;
  /** Its instance existed once, so a new one is a recreation. */
  boolean existed;
  /** The last error creating its instance, for listManagedInstances' lastAttempt. */
  String lastError;
  /** Bumped per instance, so probes and repairs meant for an earlier one do nothing. */
  int generation;

  ManagedMember(String name, String zone, String template) {
    this.name = name;
    this.zone = zone;
    this.template = template;
  }
}
