package dev.hermitcloud.resource;

/** The lifecycle state of an existing resource, mapped from each cloud's own status words. */
public enum ResourceState {
  /** Being created or imported; usable later. */
  PENDING,
  /** Usable. */
  READY,
  /** Creation failed; the resource must be replaced. */
  FAILED,
  /** Being deleted. */
  DELETING
}
