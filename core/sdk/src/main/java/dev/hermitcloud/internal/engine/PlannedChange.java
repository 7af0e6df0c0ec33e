package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Change;
import dev.hermitcloud.resource.Observed;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.Optional;

/** A change with what the engine needs to execute it: the desired spec and the resource as observed. */
record PlannedChange(Change change, Optional<ResourceSpec> desired, Optional<Observed> current) {}
