package dev.hermitcloud.examples.cli;

import dev.hermitcloud.SerialLog;
import dev.hermitcloud.provider.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hermit logs}: an instance's serial console, once or followed. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print an instance's serial console.")
final class LogsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Parameters(paramLabel = "INSTANCE", description = "The instance (the deployment name for a single instance).")
  String instance;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.")
  boolean follow;

  @Override
  public Integer call() throws Exception {
    try (Provider provider = target.build(spec).connect()) {
      SerialLog log = SerialLog.of(provider.console(), instance);
      if (follow) {
        log.follow(text -> {
          System.out.print(text);
          System.out.flush();
        });
      } else {
        System.out.print(log.read());
      }
    }
    return 0;
  }
}
