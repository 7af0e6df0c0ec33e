/** Resource ids as clouds spell them. */
package dev.hermitcloud.emulator.id;
