/** Probes that tell whether the app in a unikernel really answers. Not API. */
package dev.hermitcloud.internal.health;
