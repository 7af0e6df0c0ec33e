/**
 * Google Compute Engine and Cloud Storage as a deployment target: {@link dev.hermitcloud.gce.Gce}
 * describes where ({@code Gce.project(p).zone(z).bucket(b)}), and its provider drives the image
 * archive upload, the image import, the deployment's firewall and its instances through
 * {@code google-cloud-compute} and {@code google-cloud-storage}, one call at a time: the engine
 * retries, waits and orders.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.gce;

import org.immutables.value.Value;
