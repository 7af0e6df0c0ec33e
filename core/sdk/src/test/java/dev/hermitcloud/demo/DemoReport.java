package dev.hermitcloud.demo;

import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.util.List;

/** What the demo kernel prints for a unikernel it is the loader of. */
public final class DemoReport {
  private DemoReport() {}

  /** {@link DemoKernel#expectedOutput} for the loader's command line and the unikernel's modules. */
  public static List<String> expected(Unikernel unikernel) throws IOException {
    return DemoKernel.expectedOutput(unikernel.loader().args(),
        unikernel.modules().stream().map(m -> new DemoKernel.Module(m.path(), m.args())).toList());
  }
}
