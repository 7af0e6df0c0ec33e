/** For tests: HTTP exchanges over a plain socket, to see exactly what an emulator put on the wire. */
package dev.hermitcloud.emulator.client;
