/** What the SDK uses on this machine: programs (QEMU, GRUB), found or named by the package to install, and files. Not API. */
package dev.hermitcloud.internal.host;
