package dev.hermitcloud.examples.cli;

import dev.hermitcloud.Hermit;
import dev.hermitcloud.progress.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermit unlock}: break a deployment's lock left by a deploy or destroy that was killed. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = "Break the lock of a deployment whose deploy or destroy was killed (like terraform force-unlock).")
final class UnlockCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Parameters(paramLabel = "NAME", description = "The deployment name.")
  String name;

  @Override
  public Integer call() {
    var broken = Hermit.unlock(name).onProgress(Progress.console()).on(target.build(spec));
    System.out.println(broken.map(lease -> "broke the lock of " + name + " held by " + lease.holder() + " since " + lease.since())
        .orElse(name + " was not locked"));
    return 0;
  }
}
