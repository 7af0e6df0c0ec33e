package dev.hermitcloud.internal.engine;

import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.resource.Observed;
import java.util.List;

/** What an apply did and what it left running: the executed plan and each instance as observed after it. */
public record Applied(Plan plan, List<Observed> instances) {}
