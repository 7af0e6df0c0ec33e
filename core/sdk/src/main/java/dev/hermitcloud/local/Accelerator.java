package dev.hermitcloud.local;

/**
 * How QEMU runs the guest. {@link #AUTO} uses KVM only once a guest has been seen to run under it on this
 * host (a self-test, cached per host and QEMU version), else TCG emulation; and if the first real guest
 * under KVM then prints nothing of its own within 20 s, that guest is restarted under TCG and the host
 * stays TCG (a nested KVM can run the self-test and hang real boots). {@link #KVM} insists on KVM.
 */
public enum Accelerator {
  AUTO,
  KVM,
  TCG
}
