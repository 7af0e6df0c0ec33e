package dev.hermitcloud.examples;

import dev.hermitcloud.demo.DemoKernel;
import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The SDK's demo kernel with one small text module, written into a work directory: what the example
 * programs deploy when no HermitCore build is given.
 */
public final class DemoUnikernel {
  private DemoUnikernel() {}

  /** Writes {@code hermit-demo.elf} and the module {@code hello} into {@code work} and returns the unikernel. */
  public static Unikernel write(Path work, String name, String loaderArgs, String moduleText, String moduleArgs)
      throws IOException {
    Path kernel = DemoKernel.writeTo(work.resolve("hermit-demo.elf"));
    Path module = DemoModule.writeTo(work.resolve("hello"), moduleText.getBytes(StandardCharsets.US_ASCII));
    return Unikernel.named(name).loader(kernel, loaderArgs).module(module, moduleArgs).build();
  }
}
