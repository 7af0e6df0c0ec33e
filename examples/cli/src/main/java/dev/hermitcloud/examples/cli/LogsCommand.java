package dev.hermitcloud.examples.cli;

import dev.hermitcloud.ConsoleText;
import dev.hermitcloud.SerialLog;
import dev.hermitcloud.provider.Provider;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

  @Parameters(paramLabel = "INSTANCE", description = "The instance, as hermit deploy names it (the deployment name for a single instance, or <name>-b once replaced).")
  String instance;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new output until interrupted.")
  boolean follow;

  @Option(names = "--raw", description = "Print the console's bytes as they are, escape sequences and carriage returns"
      + " included (by default they are removed, as are blank lines).")
  boolean raw;

  @Override
  public Integer call() throws Exception {
    try (Provider provider = target.build(spec).connect()) {
      SerialLog log = SerialLog.of(provider.console(), instance);
      Consumer<String> print = text -> {
        System.out.print(text);
        System.out.flush();
      };
      ConsoleText.Cleaner cleaner = new ConsoleText.Cleaner(print);
      Consumer<String> sink = raw ? print : cleaner;
      if (follow) {
        log.follow(sink);
      } else {
        String text = log.read();
        sink.accept(text);
        if (text.isEmpty()) {
          // exit 0 with no output reads as "nothing there"; say whether that is all there is
          System.err.println("hermit: the console of " + instance + " is empty: its guest has printed nothing yet"
              + " (or is still starting). 'hermit logs --follow " + instance + "' waits for output.");
        }
      }
      if (!raw) {
        cleaner.finish();
      }
    }
    return 0;
  }
}
