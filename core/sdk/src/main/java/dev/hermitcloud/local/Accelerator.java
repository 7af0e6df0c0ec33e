package dev.hermitcloud.local;

/**
 * How QEMU runs the guest. {@link #AUTO} uses KVM only once a guest has been seen to run under it on this
 * host (a self-test, cached per host and QEMU version), else TCG emulation.
 */
public enum Accelerator {
  AUTO,
  KVM,
  TCG
}
