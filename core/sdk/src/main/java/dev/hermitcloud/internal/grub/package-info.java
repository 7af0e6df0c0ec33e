/** How GRUB splits and rebuilds a command line, so that the image builder can make it reach the kernel unchanged. Not API. */
package dev.hermitcloud.internal.grub;
