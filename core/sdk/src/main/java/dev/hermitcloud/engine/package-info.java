/**
 * The plan/apply engine: expands a deployment into resources, diffs them with what the cloud reports,
 * and executes the changes in dependency order, in parallel where independent, with retries, waits and
 * health checks.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.engine;

import org.immutables.value.Value;
