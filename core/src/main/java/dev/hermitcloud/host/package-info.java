/** Programs the SDK takes from this machine (QEMU, GRUB), found or named by the package to install. */
package dev.hermitcloud.host;
