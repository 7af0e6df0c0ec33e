package dev.hermitcloud.examples.cli;

import dev.hermitcloud.ConsoleText;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.HermitException;
import dev.hermitcloud.examples.EchoUnikernel;
import dev.hermitcloud.examples.Hello;
import dev.hermitcloud.internal.host.HostFiles;
import dev.hermitcloud.local.Accelerator;
import dev.hermitcloud.local.Local;
import dev.hermitcloud.progress.Progress;
import dev.hermitcloud.spec.Health;
import dev.hermitcloud.spec.Port;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hermit demo}: the tutorial's last step on this machine. Deploys the echo kernel to local QEMU
 * through the same engine the clouds use, with port 8000 exposed and a health check on it, sends
 * {@code GET /hello} and prints the echoed request, then the kernel's serial log, and destroys it all,
 * work directory included, also when something fails or the user presses Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Boot the echo kernel in QEMU here, GET /hello from it, print the answer and its serial log, destroy it.")
final class DemoCommand implements Callable<Integer> {
  static final String NAME = "hermit-demo";
  static final int PORT = 8000;

  @Option(names = "--accel", defaultValue = "AUTO", description = "AUTO, KVM or TCG (default: ${DEFAULT-VALUE}).")
  Accelerator accelerator;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for the kernel to answer (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("hermit-demo");
    Local local = Local.qemu().stateDir(work.resolve("state")).accelerator(accelerator);
    Cleanup cleanup = new Cleanup(local, work);
    Thread onInterrupt = new Thread(cleanup::run, "hermit-demo cleanup");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    Duration answered;
    try {
      answered = deployAndAsk(out, local, work, start);
    } finally {
      cleanup.run();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: the cleanup is done either way
      }
    }
    out.printf("the echo kernel answered %.1f s after the start; all destroyed after %.1f s%n",
        answered.toMillis() / 1000.0, Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
    return 0;
  }

  /** Deploys, asks, prints; returns how long after {@code start} the answer came. */
  private Duration deployAndAsk(PrintStream out, Local local, Path work, long start) throws Exception {
    try (Deployment d = Hermit.deploy(EchoUnikernel.write(work, NAME, PORT)).to(local)
        .expose(Port.tcp(PORT)).from("127.0.0.0/8")
        .waitUntil(Health.http(PORT, "/"), Duration.ofSeconds(timeoutSeconds))
        .onProgress(Progress.console()).apply()) {
      URI endpoint = d.endpoint(PORT);
      HttpResponse<String> answer = Hello.get(endpoint);
      Duration answered = Duration.ofNanos(System.nanoTime() - start);
      out.println("--- GET " + endpoint.resolve("/hello") + " -> " + answer.statusCode() + " ---");
      out.print(answer.body());
      out.println("--- serial console of " + d.instances().get(0).name() + " ---");
      StringBuilder console = new StringBuilder();
      // the kernel logs the request as it answers: wait a little for the line, print what there is
      d.serialLog().follow(console::append, text -> text.contains("GET /hello from"), Duration.ofSeconds(10));
      out.print(ConsoleText.clean(console.toString()));
      out.println("--- end of console ---");
      return answered;
    }
  }

  /** Destroys the deployment and deletes the work directory, once, whoever gets there first. */
  private static final class Cleanup {
    private final Local local;
    private final Path work;
    private final AtomicBoolean done = new AtomicBoolean();

    Cleanup(Local local, Path work) {
      this.local = local;
      this.work = work;
    }

    void run() {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      try {
        if (Files.exists(local.stateDir())) {
          Hermit.destroy(NAME).onProgress(Progress.console()).on(local);
        }
      } catch (HermitException e) {
        System.err.println("error: could not destroy " + NAME + ": " + e.getMessage());
      } finally {
        try {
          HostFiles.deleteTree(work);
        } catch (IOException e) {
          System.err.println("error: could not delete " + work + ": " + e.getMessage());
        }
      }
    }
  }
}
