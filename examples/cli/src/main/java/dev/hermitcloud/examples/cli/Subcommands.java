package dev.hermitcloud.examples.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The subcommands of {@code hermit}, added to the command line only when they are needed.
 *
 * <p>Picocli builds the whole model of every command it is given (options, converters, help) before it
 * parses a single argument, and the CLI's start-up was mostly that. A run names at most one subcommand
 * as its first argument, so only that one is built; the top level's help, a mistyped name (which needs
 * every name for "did you mean") and {@code generate-completion} (which describes them all) get all.
 */
final class Subcommands {
  private static final List<Class<?>> ALL = List.of(DemoCommand.class, ImageCommand.class, PlanCommand.class,
      DeployCommand.class, LogsCommand.class, DestroyCommand.class, UnlockCommand.class, FakeOpenStackCommand.class,
      FakeGceCommand.class, AutoComplete.GenerateCompletion.class);

  private Subcommands() {}

  /** Adds to {@code hermit} the subcommands that a run of {@code args} can reach. */
  static CommandLine addTo(CommandLine hermit, String... args) {
    Class<?> named = args.length == 0 ? null : named(args[0]);
    if (named != null && named != AutoComplete.GenerateCompletion.class) {
      return hermit.addSubcommand(new CommandLine(named, hermit.getFactory()));
    }
    for (Class<?> command : ALL) {
      hermit.addSubcommand(new CommandLine(command, hermit.getFactory()));
    }
    return hermit;
  }

  /** Names come from each command's own annotation, so this list can never spell one differently. */
  private static Class<?> named(String arg) {
    for (Class<?> command : ALL) {
      Command annotation = command.getAnnotation(Command.class);
      if (annotation.name().equals(arg) || List.of(annotation.aliases()).contains(arg)) {
        return command;
      }
    }
    return null;
  }
}
