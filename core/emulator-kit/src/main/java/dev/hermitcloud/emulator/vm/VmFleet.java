package dev.hermitcloud.emulator.vm;

import dev.hermitcloud.emulator.app.Binding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The VMs of one emulator in boot mode, by machine name, and the port forwards to them. {@link #forward}
 * takes the bindings the emulated firewall allows from the loopback client (the same ones the app
 * stand-in would serve) and adds or removes QEMU {@code hostfwd}s through each VM's monitor, so a rule
 * change takes effect without restarting the VM. Closing stops every VM (by PID).
 */
public final class VmFleet implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(VmFleet.class.getName());
  private static final int MEMORY_MIB = 256;

  private final String emulator;
  private final Path workDir;
  private final String qemu;
  private final Map<String, QemuVm> vms = new HashMap<>();
  private final Map<String, Set<Binding>> forwarded = new HashMap<>();
  private final List<String> failures = new ArrayList<>();

  /** VMs of {@code emulator} (for names in logs), their files under {@code workDir}. */
  public VmFleet(String emulator, Path workDir) {
    this(emulator, workDir, "qemu-system-x86_64");
  }

  VmFleet(String emulator, Path workDir, String qemu) {
    this.emulator = emulator;
    this.workDir = workDir;
    this.qemu = qemu;
  }

  /** Boots {@code machine} from {@code disk} (a raw BIOS disk, left unchanged); replaces a VM of that name. */
  public void start(String machine, Path disk, VmEvents events) throws IOException {
    start(machine, disk, "raw", events);
  }

  /** Boots {@code machine} from {@code disk} in {@code format} ({@code raw}, {@code qcow2}), left unchanged. */
  public synchronized void start(String machine, Path disk, String format, VmEvents events) throws IOException {
    stop(machine);
    vms.put(machine, QemuVm.start(qemu, machine, disk, format, workDir.resolve(machine), MEMORY_MIB, events));
  }

  /** Stops the machine's VM, if it runs. */
  public synchronized void stop(String machine) {
    QemuVm vm = vms.remove(machine);
    forwarded.remove(machine);
    if (vm != null) {
      vm.stop();
    }
  }

  /** The PID of the machine's QEMU process, or -1 without a VM. */
  public synchronized long pid(String machine) {
    QemuVm vm = vms.get(machine);
    return vm == null ? -1 : vm.pid();
  }

  /** The machines whose VM still runs. */
  public synchronized List<String> running() {
    return vms.entrySet().stream().filter(e -> e.getValue().alive()).map(Map.Entry::getKey).sorted().toList();
  }

  /** Makes the forwards exactly {@code allowed} (bindings of machines without a VM are ignored). */
  public synchronized void forward(Set<Binding> allowed) {
    for (Map.Entry<String, QemuVm> entry : vms.entrySet()) {
      String machine = entry.getKey();
      QemuVm vm = entry.getValue();
      if (!vm.alive()) {
        continue;
      }
      Set<Binding> want = new HashSet<>();
      allowed.stream().filter(b -> b.machine().equals(machine)).forEach(want::add);
      Set<Binding> have = forwarded.computeIfAbsent(machine, m -> new HashSet<>());
      for (Binding gone : new ArrayList<>(have)) {
        if (!want.contains(gone) && command(vm, "hostfwd_remove net0 tcp:" + gone.address() + ":" + gone.port())) {
          have.remove(gone);
        }
      }
      for (Binding added : want) {
        if (!have.contains(added) && command(vm, "hostfwd_add net0 tcp:" + added.address() + ":" + added.port()
            + "-:" + added.port())) {
          have.add(added);
        }
      }
    }
  }

  /** Forwards that could not be made (a port taken on the host), for diagnostics. */
  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  private boolean command(QemuVm vm, String command) {
    try {
      String answer = vm.monitor(command);
      // QEMU answers a refused forward with text such as "Could not set up host forwarding rule"
      if (answer.contains("Could not") || answer.contains("invalid") || answer.contains("Error")) {
        failures.add(vm + ": " + command + ": " + answer.strip());
        return false;
      }
      return true;
    } catch (IOException e) {
      failures.add(vm + ": " + command + ": " + e.getMessage());
      LOG.log(Level.FINE, emulator + ": monitor of " + vm + " failed", e);
      return false;
    }
  }

  @Override
  public synchronized void close() {
    for (String machine : new ArrayList<>(vms.keySet())) {
      stop(machine);
    }
  }
}
