package dev.hermitcloud.examples.cli;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The demo kernel and a small module written to a directory, as the flags that deploy them as {@code echo}. */
final class EchoFlags {
  private EchoFlags() {}

  static List<String> in(Path dir) throws IOException {
    Path kernel = DemoKernel.writeTo(dir.resolve("kernel.elf"));
    Path module = DemoModule.writeTo(dir.resolve("app"), "hi\n".getBytes(StandardCharsets.US_ASCII));
    return List.of("--name", "echo", "--loader", kernel.toString(), "--module", module.toString());
  }
}
