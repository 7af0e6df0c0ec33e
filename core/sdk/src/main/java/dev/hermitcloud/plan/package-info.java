/** What {@code apply()} would do: one change per resource, computed by comparing desired and actual state. */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.plan;

import org.immutables.value.Value;
