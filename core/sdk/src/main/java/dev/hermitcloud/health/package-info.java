/** Probes that tell whether the app in a unikernel really answers. */
package dev.hermitcloud.health;
