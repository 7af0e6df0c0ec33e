package dev.hermitcloud.local;

import dev.hermitcloud.SerialLog;
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
 * the trial ({@link #TRIAL}) makes this host TCG from then on, for this run and, through the self-test's cache,
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
   * Whether the guest just started under {@code accel} may keep running. Only a guest under a KVM that AUTO
   * chose, before any real guest has printed under it, is on trial: it must print a line of its own on
   * {@code console} within the trial, else this host turns TCG and the caller restarts the guest under
   * TCG. A KVM the user asked for is never second-guessed.
   */
  boolean keeps(String accel, String guest, SerialLog console, CallContext context)
      throws IOException, InterruptedException {
    if (wanted != Accelerator.AUTO || !"kvm".equals(accel) || proven) {
      return true;
    }
    if (console.follow(text -> {}, GuestOutput::hasOwnLine, trial)) {
      proven = true;
      return true;
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("the KVM trial of guest " + guest + " was interrupted");
    }
    condemn(guest, context);
    return false;
  }

  /** A guest under KVM stayed silent: this host is TCG from now on, here and in later runs; the user is told why. */
  private synchronized void condemn(String guest, CallContext context) throws IOException, InterruptedException {
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
