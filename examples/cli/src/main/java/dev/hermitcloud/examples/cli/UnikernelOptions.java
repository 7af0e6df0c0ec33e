package dev.hermitcloud.examples.cli;

import dev.hermitcloud.unikernel.Unikernel;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say which unikernel to use. */
final class UnikernelOptions {
  @Option(names = "--loader", required = true, paramLabel = "PATH[:ARGS]",
      description = "The Multiboot loader (e.g. ldhermit.elf) and its command line after a colon.")
  String loader;

  @Option(names = "--module", required = true, paramLabel = "PATH[:ARGS]",
      description = "A module (the application ELF) and its command line after a colon; repeat for more.")
  List<String> modules;

  Unikernel unikernel(String name) {
    BootFileSpec l = BootFileSpec.parse(loader);
    Unikernel.Definition.WithModule stage = Unikernel.named(name).loader(l.path(), l.args());
    Unikernel.Definition.WithCreate done = null;
    for (String module : modules) {
      BootFileSpec m = BootFileSpec.parse(module);
      done = (done == null ? stage : done).module(m.path(), m.args());
    }
    return done.build();
  }
}
