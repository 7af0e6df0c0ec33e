/** Wire timestamps, pauses and polling: the emulators' dealings with the clock. */
package dev.hermitcloud.emulator.time;
