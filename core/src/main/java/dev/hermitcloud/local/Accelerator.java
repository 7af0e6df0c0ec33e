package dev.hermitcloud.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** How QEMU runs the guest: KVM when {@code /dev/kvm} can be opened, else TCG (emulation). */
public enum Accelerator {
  AUTO,
  KVM,
  TCG;

  /** The accelerator to use on this machine. */
  String resolve() {
    if (this == TCG) {
      return "tcg";
    }
    if (this == KVM) {
      return "kvm";
    }
    Path kvm = Path.of("/dev/kvm");
    return Files.isReadable(kvm) && Files.isWritable(kvm) ? "kvm" : "tcg";
  }
}
