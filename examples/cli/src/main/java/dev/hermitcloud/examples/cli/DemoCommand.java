package dev.hermitcloud.examples.cli;

import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.examples.DemoUnikernel;
import dev.hermitcloud.local.Accelerator;
import dev.hermitcloud.local.Local;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hermit demo}: builds the demo Multiboot kernel and a module, deploys them to local QEMU through
 * the same engine the clouds use, prints what the kernel says on its serial port, and destroys it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Build the demo kernel's disk image without root, boot it in QEMU here, and print its serial output.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--accel", defaultValue = "AUTO", description = "AUTO, KVM or TCG (default: ${DEFAULT-VALUE}).")
  Accelerator accelerator;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the kernel (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("hermit-demo");
    Unikernel demo = DemoUnikernel.write(work, "hermit-demo", "-uart=io:0x3f8 \"greeting=hello world\"",
        "hello from a module\n", "answer=42");
    Local local = Local.qemu().stateDir(work.resolve("state")).accelerator(accelerator);
    try (Deployment d = Hermit.deploy(demo).to(local).onProgress(Progress.console()).apply()) {
      System.out.println("--- serial console of " + d.instances().get(0).name() + " ---");
      boolean done = d.serialLog().follow(System.out::print, text -> text.contains(DemoKernel.DONE),
          Duration.ofSeconds(timeoutSeconds));
      System.out.println("--- end of console ---");
      d.destroy();
      HostFiles.deleteTree(work);
      if (!done) {
        System.err.println("error: the kernel did not print '" + DemoKernel.DONE + "' within " + timeoutSeconds + " s");
        return 1;
      }
    }
    return 0;
  }
}
