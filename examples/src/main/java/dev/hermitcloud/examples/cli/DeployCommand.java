package dev.hermitcloud.examples.cli;

import dev.hermitcloud.Deployment;
import dev.hermitcloud.DeployedInstance;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermit deploy}: converge the target to the given deployment; safe to re-run. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Create or converge a deployment (idempotent).")
final class DeployCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  DeploymentOptions deployment;

  @Override
  public Integer call() {
    try (Deployment d = deployment.definition(target.build(spec)).apply()) {
      for (DeployedInstance instance : d.instances()) {
        System.out.println(instance.name() + " " + instance.address().orElse("(no address)")
            + deployment.expose.stream().map(p -> " " + p).reduce("", String::concat));
      }
    }
    return 0;
  }
}
