/**
 * Bootable disk images for unikernels, built in plain Java without root: {@link
 * dev.hermitcloud.image.DiskImage} plans the disk (MBR, GRUB, ext2) and writes it as a sparse raw file,
 * a Compute Engine archive or a qcow2 image.
 */
package dev.hermitcloud.image;
