package dev.hermitcloud.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hermit}: the SDK from a shell. Each subcommand is one fluent call; errors print as one line
 * naming the field or the failed resource. {@code hermit generate-completion} prints a bash/zsh completion
 * script: {@code source <(hermit generate-completion)}.
 */
@Command(name = "hermit", mixinStandardHelpOptions = true, versionProvider = BuildVersion.Provider.class,
    description = "Build HermitCore disk images and deploy them to local QEMU, Google Compute Engine or OpenStack.")
public final class HermitCli {
  public static void main(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The one question a script asks most often, answered without building any command: see Subcommands.
      for (String line : BuildVersion.lines()) {
        System.out.println(line);
      }
      System.exit(0);
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests and embedding. */
  public static int run(String... args) {
    return Subcommands.addTo(new CommandLine(new HermitCli()), args)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(HermitCli::usageError)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + CliWording.describe(e, commandLine.getCommandSpec(), parseResult.originalArgs()));
          return 1;
        })
        .execute(args);
  }

  /**
   * A mistyped command line gets the error, picocli's "did you mean" when it has one, and a pointer to the
   * command's help: a page of usage after every typo would bury the one line that matters.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
