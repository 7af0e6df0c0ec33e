package dev.hermitcloud.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hermit plan}: what deploy would change; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what deploy would do, changing nothing.")
final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  DeploymentOptions deployment;

  @Override
  public Integer call() {
    System.out.print(deployment.definition(target.build(spec)).plan().render());
    return 0;
  }
}
