/**
 * Addresses and ports as firewalls and security groups name them. The emulators' own reading,
 * deliberately apart from the SDK's {@code dev.hermitcloud.spec.Cidr}: an emulator checks what the
 * SDK sends, so it must not share the SDK's reading of it.
 */
package dev.hermitcloud.emulator.net;
