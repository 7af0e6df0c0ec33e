package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeployedInstance;
import dev.hermitcloud.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hermit deploy}: converge the target to the given deployment; safe to re-run. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Create or converge a deployment (idempotent).")
final class DeployCommand extends DeploymentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    try (Deployment d = definition().apply()) {
      for (DeployedInstance instance : d.instances()) {
        System.out.println(instance.name() + " " + instance.address().orElse("(no address)")
            + deployment.expose.stream().map(p -> " " + p).reduce("", String::concat));
      }
    }
    return 0;
  }
}
