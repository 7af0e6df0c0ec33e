/**
 * The plan/apply engine: expands a deployment into resources, diffs them with what the cloud reports,
 * and executes the changes in the order the specs' dependencies and the kinds' uses give, in parallel
 * where independent, with retries, waits and health checks. Not API.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.internal.engine;

import org.immutables.value.Value;
