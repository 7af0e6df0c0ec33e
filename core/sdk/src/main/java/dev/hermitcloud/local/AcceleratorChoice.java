package dev.hermitcloud.local;

import dev.hermitcloud.provider.CallContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns the target's {@link Accelerator} into QEMU's {@code -accel} value, self-testing KVM for AUTO.
 *
 * <p>The self-test's probe proves less than a real boot: on a nested KVM seen in CI the probe printed and
 * powered off while every real guest (GRUB, then the kernel) hung without a word. So under AUTO, KVM
 * stays on trial until a real guest has printed a line of its own; a guest that stays silent for
 * {@link #trial()} makes this host TCG from then on, for this run and, through the self-test's cache,
 * for later ones.
 */
final class AcceleratorChoice {
  /** How long a guest under a KVM that AUTO chose may stay silent; a working KVM boots to the kernel's first line in about a second. */
  static final Duration TRIAL = Duration.ofSeconds(20);

  private final Accelerator wanted;
  private final KvmSelfTest selfTest;
  private final Duration trial;
  private volatile KvmSelfTest.Verdict verdict;
  private volatile boolean proven;

  AcceleratorChoice(Accelerator wanted, KvmSelfTest selfTest, Duration trial) {
    this.wanted = wanted;
    this.selfTest = selfTest;
    this.trial = trial;
  }

  /** The choice for {@code target} on this host, with the self-test's cache in the user's cache directory. */
  static AcceleratorChoice forHost(Local target, Path qemu) {
    return new AcceleratorChoice(target.accelerator(), KvmSelfTest.forHost(qemu), TRIAL);
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

  /**
   * Whether a guest just started under {@code accel} must print before it is trusted: only under a KVM
   * that AUTO chose and no real guest has proven yet. A KVM the user asked for is never second-guessed.
   */
  boolean onTrial(String accel) {
    return wanted == Accelerator.AUTO && "kvm".equals(accel) && !proven;
  }

  /** How long a guest on trial may stay silent. */
  Duration trial() {
    return trial;
  }

  /** A guest printed under KVM: later guests of this run are not put on trial. */
  void proven() {
    proven = true;
  }

  /**
   * A guest under KVM stayed silent: this host is TCG from now on, here and in later runs, and the user is
   * told why and how to test again.
   */
  synchronized void condemn(String guest, CallContext context) throws IOException, InterruptedException {
    String silence = "guest " + guest + " printed nothing of its own within " + trial.toSeconds() + " s under KVM";
    if (verdict == null || verdict.usable()) {
      verdict = new KvmSelfTest.Verdict(false, "the KVM self-test passed, but " + silence
          + " (a nested KVM that runs the probe and hangs real boots)");
      selfTest.remember(verdict);
    }
    context.notice("using TCG emulation, not KVM, from now on: " + silence + "; it is restarted under TCG. Delete "
        + selfTest.cacheFile() + " to test KVM again, or choose Accelerator.KVM to insist");
  }
}
