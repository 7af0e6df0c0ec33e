package dev.hermitcloud.examples.fake;

import dev.hermitcloud.gce.fake.FakeGce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The fake GCE behind {@code --target gce --fake[=URL]}: the one {@code hermit fake-gce} runs (on 127.0.0.1:8089
 * unless given {@code --port}), which keeps its state across commands (deploy, then plan, logs, destroy), or,
 * when none is running, one started in this process that ends with it.
 */
public final class SharedFakeGce {
  public static final int PORT = 8089;
  public static final String PROJECT = "hermit-demo";
  public static final String BUCKET = "hermit-demo";

  private static FakeGce inProcess;

  private SharedFakeGce() {}

  /** Where the fake answers, for a {@code --fake} value ({@link FakeEndpoint#AUTO} or a URL). */
  public static String endpoint(String fake) {
    return FakeEndpoint.resolve(fake, PORT, SharedFakeGce::startInProcess);
  }

  private static synchronized String startInProcess() {
    if (inProcess == null) {
      FakeGce fake = start(new Settings(0, PROJECT, BUCKET, Duration.ofMillis(300), Duration.ZERO, true, 0, false));
      Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-gce-stop"));
      System.err.println("no fake-gce on 127.0.0.1:" + PORT + ": started one in this process at " + fake.endpoint()
          + " (it ends with it; run 'hermit fake-gce' to keep one across commands)");
      inProcess = fake;
    }
    return inProcess.endpoint();
  }

  /** How {@code hermit fake-gce} (or a fake in this process) is set up. */
  public record Settings(int port, String project, String bucket, Duration operation, Duration latency,
      boolean appStandIn, long seed, boolean boot) {}

  /** Starts a fake with the project and bucket, operations that take {@code operation}, and a serial console. */
  public static FakeGce start(Settings s) {
    try {
      return FakeGce.builder().port(s.port()).project(s.project()).bucket(s.bucket()).operationDuration(s.operation())
          .latency(s.latency()).appStandIn(s.appStandIn()).faultSeed(s.seed()).boot(s.boot())
          .bootOutput(s.boot() ? null : "HermitCore (fake-gce serial console)\n").start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake GCE on port " + s.port(), e);
    }
  }
}
