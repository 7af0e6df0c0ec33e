package dev.hermitcloud.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hermit plan}: what deploy would change; changes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Show what deploy would do, changing nothing.")
final class PlanCommand extends DeploymentCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(definition().plan().render());
    return 0;
  }
}
