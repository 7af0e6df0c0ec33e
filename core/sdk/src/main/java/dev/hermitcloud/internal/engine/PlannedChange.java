package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Change;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.Optional;

/**
 * A change with what the engine needs to execute it: the desired spec and the resource as observed.
 *
 * @param createsFirst a replacement whose new resource has the {@linkplain ResourceSpec#otherSide other
 *     name}, so it is made (and, for an instance, answers) before the old one goes
 */
record PlannedChange(Change change, Optional<ResourceSpec> desired, Optional<Observed> current, boolean createsFirst) {
  PlannedChange(Change change, Optional<ResourceSpec> desired, Optional<Observed> current) {
    this(change, desired, current, false);
  }
}
