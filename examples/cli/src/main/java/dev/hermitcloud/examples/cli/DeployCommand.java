package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import java.util.concurrent.Callable;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hermit deploy}: converge the target to the given deployment; safe to re-run. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Create or converge a deployment (idempotent).")
final class DeployCommand extends DeploymentCommand implements Callable<Integer> {
  @Option(names = "--no-wait", description = "Fail at once, naming the holder, when another deploy or destroy of this"
      + " deployment holds its lock (default: wait for it).")
  boolean noWait;

  @Override
  public Integer call() {
    var definition = definition();
    if (noWait) {
      definition.lockTimeout(Duration.ZERO);
    }
    try (Deployment d = definition.apply()) {
      for (DeployedInstance instance : d.instances()) {
        System.out.println(instance.name() + " " + instance.address().orElse("(no address)")
            + deployment.expose.stream().map(p -> " " + p).reduce("", String::concat));
      }
    }
    return 0;
  }
}
