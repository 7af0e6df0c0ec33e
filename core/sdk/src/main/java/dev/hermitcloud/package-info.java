/**
 * The fluent entry point: {@link dev.hermitcloud.Hermit#deploy} to plan or apply a deployment,
 * {@link dev.hermitcloud.Hermit#destroy} to remove one, and {@link dev.hermitcloud.Deployment} for what runs.
 */
package dev.hermitcloud;
