package dev.hermitcloud.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hermit}: the SDK from a shell. Each subcommand is one fluent call; errors print as one line
 * naming the field or the failed resource.
 */
@Command(name = "hermit", mixinStandardHelpOptions = true, version = "hermit-cloud 0.1.0",
    description = "Build HermitCore disk images and deploy them to local QEMU, Google Compute Engine or OpenStack.",
    subcommands = {DemoCommand.class, ImageCommand.class, PlanCommand.class, DeployCommand.class, LogsCommand.class,
        DestroyCommand.class, FakeOpenStackCommand.class, FakeGceCommand.class})
public final class HermitCli {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests and embedding. */
  public static int run(String... args) {
    return new CommandLine(new HermitCli())
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          return 1;
        })
        .execute(args);
  }
}
