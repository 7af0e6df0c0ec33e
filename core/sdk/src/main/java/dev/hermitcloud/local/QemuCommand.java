package dev.hermitcloud.local;

import dev.hermitcloud.spec.Port;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code qemu-system-x86_64} command line for one instance: BIOS boot of the raw disk, detached. */
final class QemuCommand {
  private QemuCommand() {}

  static List<String> of(Path qemu, Local target, String accel, String name, Path disk, Path dir, String address,
      List<Port> ports, int cpus, int memoryMib) {
    List<String> args = new ArrayList<>(List.of(qemu.toString(),
        "-name", "hermit-" + name,
        "-machine", "pc",
        "-accel", accel,
        // KVM's default CPU model hides features unikernels use; TCG emulates a full qemu64
        "-cpu", "kvm".equals(accel) ? "host" : "qemu64",
        "-m", Integer.toString(memoryMib),
        "-smp", Integer.toString(cpus),
        "-display", "none",
        "-monitor", "none",
        "-no-reboot",
        "-serial", "file:" + dir.resolve("serial.log"),
        // snapshot=on: the instance writes to a throw-away overlay, so instances share one image file.
        "-drive", "file=" + disk + ",format=raw,if=ide,snapshot=on",
        "-netdev", netdev(address, ports),
        "-device", target.nic().device() + ",netdev=net0",
        "-pidfile", dir.resolve("qemu.pid").toString(),
        "-daemonize"));
    if (target.debugExit()) {
      args.addAll(List.of("-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"));
    }
    return args;
  }

  /** User-mode networking with each exposed port forwarded from {@code address}:port to the guest's port. */
  static String netdev(String address, List<Port> ports) {
    StringBuilder netdev = new StringBuilder("user,id=net0");
    for (Port port : ports) {
      for (int p = port.from(); p <= port.to(); p++) {
        netdev.append(",hostfwd=").append(port.protocol().wireName()).append(':').append(address).append(':')
            .append(p).append("-:").append(p);
      }
    }
    return netdev.toString();
  }
}
