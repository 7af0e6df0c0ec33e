/**
 * The stand-in for the application inside each emulated machine: it answers HTTP on the machine's
 * (loopback) addresses on the ports the cloud's firewall opens to the client, so health checks can
 * be tested end to end without booting anything.
 */
package dev.hermitcloud.emulator.app;
