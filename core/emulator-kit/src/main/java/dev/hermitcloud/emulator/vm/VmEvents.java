package dev.hermitcloud.emulator.vm;

/**
 * What a booted VM tells its emulator: serial output as it appears, and that the guest stopped (powered
 * off, crashed or was killed). Called from the VM's own threads.
 */
public interface VmEvents {
  /** Text the guest wrote to its first serial port. */
  void serial(String text);

  /** The QEMU process ended; {@code stoppedByUs} when the emulator stopped it (a delete or stop). */
  void exited(int exitCode, boolean stoppedByUs);
}
