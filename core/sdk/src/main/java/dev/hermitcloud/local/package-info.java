/**
 * The local target: the same disk image the clouds get, booted here by {@code qemu-system-x86_64}, with
 * exposed ports forwarded on a loopback address of its own and the serial console in a file.
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.local;

import org.immutables.value.Value;
