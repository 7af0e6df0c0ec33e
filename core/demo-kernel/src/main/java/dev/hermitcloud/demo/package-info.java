/**
 * A demo kernel and demo modules, assembled in Java from an annotated listing: they boot under GRUB and
 * report on the serial port what they were given, which makes images testable without a HermitCore
 * toolchain.
 */
package dev.hermitcloud.demo;
