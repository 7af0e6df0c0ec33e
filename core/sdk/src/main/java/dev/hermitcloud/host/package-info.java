/** What the SDK uses on this machine: programs (QEMU, GRUB), found or named by the package to install, and files. */
package dev.hermitcloud.host;
