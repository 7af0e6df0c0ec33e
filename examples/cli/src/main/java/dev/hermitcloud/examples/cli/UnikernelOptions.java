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
    BootFileSpec l = BootFileSpec.parse("unikernel.loader", loader);
    Unikernel.Definition.WithModule stage = Unikernel.named(name).loader(l.path(), l.args());
    Unikernel.Definition.WithCreate done = null;
    for (int i = 0; i < modules.size(); i++) {
      BootFileSpec m = BootFileSpec.parse("unikernel.modules[" + i + "]", modules.get(i));
      done = (done == null ? stage : done).module(m.path(), m.args());
    }
    return done.build();
  }
}
