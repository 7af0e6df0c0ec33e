package dev.hermitcloud.examples.cli;

import dev.hermitcloud.Hermit;
import dev.hermitcloud.progress.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermit destroy}: delete everything a deployment owns, found by its marks. */
@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Delete everything a deployment owns, and nothing else.")
final class DestroyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Parameters(paramLabel = "NAME", description = "The deployment name.")
  String name;

  @Option(names = "--dry-run", description = "Only show what would be deleted.")
  boolean dryRun;

  @Option(names = "--no-wait", description = "Fail at once, naming the holder, when a deploy of this deployment holds"
      + " its lock (default: wait for it).")
  boolean noWait;

  @Override
  public Integer call() {
    var destroy = Hermit.destroy(name).onProgress(Progress.console());
    if (noWait) {
      destroy.lockTimeout(java.time.Duration.ZERO);
    }
    System.out.print((dryRun ? destroy.planOn(target.build(spec)) : destroy.on(target.build(spec))).render());
    return 0;
  }
}
