/**
 * The resources a deployment is made of (image blob, image, firewall, instances), their desired specs,
 * what a cloud reports back, and the ownership marks that make re-runs and destroy work without a local
 * state file.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.resource;

import org.immutables.value.Value;
