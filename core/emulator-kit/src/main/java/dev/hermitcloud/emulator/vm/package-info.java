/**
 * Boot mode of the emulators: each instance runs as a QEMU VM from the disk it was created from, its
 * serial port read into the emulator's console, its status following the VM, and only the ports the
 * emulated firewall allows forwarded to it from its loopback address.
 *
 * <p>The VMs use TCG on purpose: the emulators must behave the same on every machine, and a nested
 * {@code /dev/kvm} (as on CI hosts) can hang guests; the SDK's local target decides about KVM with its
 * own self-test.
 *
 * <pre>{@code
 * try (VmFleet fleet = new VmFleet("fake-gce", workDir)) {
 *   fleet.start("vm-1", disk, events);                     // boots; serial text and exit go to events
 *   fleet.forward(Set.of(new Binding("127.0.0.2", 8000, "vm-1")));  // what the firewall allows now
 * }
 * }</pre>
 */
package dev.hermitcloud.emulator.vm;
