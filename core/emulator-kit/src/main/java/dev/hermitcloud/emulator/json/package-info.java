/** The one JSON mapper of the emulators and the few node helpers every API needs. */
package dev.hermitcloud.emulator.json;
