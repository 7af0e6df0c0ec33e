package dev.hermitcloud.local;

import dev.hermitcloud.provider.CallContext;
import java.io.IOException;

/** Turns the target's {@link Accelerator} into QEMU's {@code -accel} value, self-testing KVM for AUTO. */
final class AcceleratorChoice {
  private final Accelerator wanted;
  private final KvmSelfTest selfTest;
  private volatile KvmSelfTest.Verdict verdict;

  AcceleratorChoice(Accelerator wanted, KvmSelfTest selfTest) {
    this.wanted = wanted;
    this.selfTest = selfTest;
  }

  /** {@code kvm} or {@code tcg}; says why through {@code context} when AUTO falls back to TCG. */
  String resolve(CallContext context) throws IOException, InterruptedException {
    return switch (wanted) {
      case KVM -> "kvm";
      case TCG -> "tcg";
      case AUTO -> {
        if (verdict == null) {
          verdict = selfTest.verdict();
          if (!verdict.usable()) {
            context.notice("using TCG emulation, not KVM: " + verdict.reason());
          }
        }
        yield verdict.usable() ? "kvm" : "tcg";
      }
    };
  }
}
