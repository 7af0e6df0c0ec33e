package dev.hermitcloud.local;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.internal.validation.Check;
import java.nio.file.Path;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Runs deployments on this machine under QEMU: {@code Hermit.deploy(u).to(Local.qemu()).apply()}. Images
 * are sparse raw files, instances are QEMU processes that outlive the JVM (like cloud machines), found
 * again by the next run from the state directory. Each instance gets a loopback address of its own
 * (127.x.y.z) on which every exposed port is forwarded to the guest's same port.
 */
@Value.Immutable
public abstract class Local implements Target {
  /** Where images, serial logs and instance records live; default {@code $XDG_STATE_HOME/hermit-cloud} or {@code ~/.local/state/hermit-cloud}. */
  @Value.Default
  public Path stateDir() {
    String xdg = System.getenv("XDG_STATE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
    return base.resolve("hermit-cloud");
  }

  @Value.Default
  public NicModel nic() {
    return NicModel.VIRTIO;
  }

  @Value.Default
  public Accelerator accelerator() {
    return Accelerator.AUTO;
  }

  /** The QEMU binary; found on the PATH by default. */
  public abstract Optional<Path> qemuBinary();

  /**
   * Whether to add QEMU's {@code isa-debug-exit} device, so a kernel can power the VM off by writing to
   * port 0xf4 (the demo kernel does when it is done). Clouds have no such device; off by default.
   */
  @Value.Default
  public boolean debugExit() {
    return false;
  }

  /** A local target with every default. */
  public static Local qemu() {
    return ImmutableLocal.builder().build();
  }

  public Local stateDir(Path dir) {
    return ImmutableLocal.builder().from(this).stateDir(Check.required("local.stateDir", dir)).build();
  }

  public Local nic(NicModel model) {
    return ImmutableLocal.builder().from(this).nic(Check.required("local.nic", model)).build();
  }

  public Local accelerator(Accelerator accelerator) {
    return ImmutableLocal.builder().from(this).accelerator(Check.required("local.accelerator", accelerator)).build();
  }

  public Local qemuBinary(Path binary) {
    return ImmutableLocal.builder().from(this).qemuBinary(binary).build();
  }

  public Local debugExit(boolean enabled) {
    return ImmutableLocal.builder().from(this).debugExit(enabled).build();
  }

  @Override
  public String describe() {
    return "local:" + stateDir();
  }

  @Override
  public Provider connect() throws Exception {
    Path qemu = Qemu.locate(qemuBinary());
    return new LocalProvider(this, qemu, AcceleratorChoice.forHost(this, qemu));
  }
}
