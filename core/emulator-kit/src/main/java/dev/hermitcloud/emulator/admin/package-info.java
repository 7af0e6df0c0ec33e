/** The emulator's own HTTP API under {@code /_fake/}: statistics, faults, reset, the app stand-in. */
package dev.hermitcloud.emulator.admin;
