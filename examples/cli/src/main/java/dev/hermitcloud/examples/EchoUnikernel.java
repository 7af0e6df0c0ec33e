package dev.hermitcloud.examples;

import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The project's echo kernel, which answers HTTP like the tutorial's Go echo server, as a unikernel written
 * into a work directory: what {@code hermit demo} and the example programs deploy when no HermitCore build
 * is given.
 *
 * <pre>{@code
 * Unikernel echo = EchoUnikernel.write(work, "echo-server", 8000);   // work/echo-kernel.elf + work/unused-module
 * }</pre>
 *
 * A unikernel needs a module and the echo kernel ignores its modules, so it gets a tiny one that says so
 * (an ELF, as the SDK checks modules to be): GRUB loads it, nothing reads it.
 */
public final class EchoUnikernel {
  /** The module's file name. */
  public static final String MODULE = "unused-module";

  private static final byte[] MODULE_TEXT =
      "the echo kernel ignores its modules; a unikernel needs one\n".getBytes(StandardCharsets.US_ASCII);

  private EchoUnikernel() {}

  /** Writes the kernel and the module into {@code work} and returns the unikernel serving HTTP on {@code port}. */
  public static Unikernel write(Path work, String name, int port) throws IOException {
    Path kernel = EchoKernel.writeTo(work);
    Path module = DemoModule.writeTo(work.resolve(MODULE), MODULE_TEXT);
    return Unikernel.named(name).loader(kernel, EchoKernel.commandLine(port)).module(module).build();
  }
}
