/** Typed progress events from planning, applying and destroying, and listeners that render them. */
package dev.hermitcloud.progress;
