package dev.hermitcloud.examples.fake;

import dev.hermitcloud.gce.fake.FakeGce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The fake GCE behind {@code --target gce --fake}: the one {@code hermit fake-gce} runs on 127.0.0.1:8089,
 * which keeps its state across commands (deploy, then plan, logs, destroy), or, when none is running, one
 * started in this process that ends with it.
 */
public final class SharedFakeGce {
  public static final int PORT = 8089;
  public static final String PROJECT = "hermit-demo";
  public static final String BUCKET = "hermit-demo";

  private static FakeGce inProcess;

  private SharedFakeGce() {}

  /** Where the fake answers: the shared one if it is up, else one started now in this process. */
  public static synchronized String endpoint() {
    if (listening(PORT)) {
      return "http://127.0.0.1:" + PORT;
    }
    if (inProcess == null) {
      FakeGce fake = start(0, PROJECT, BUCKET, Duration.ofMillis(300), Duration.ZERO, true);
      Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-gce-stop"));
      System.err.println("no fake-gce on 127.0.0.1:" + PORT + ": started one in this process at " + fake.endpoint()
          + " (it ends with it; run 'hermit fake-gce' to keep one across commands)");
      inProcess = fake;
    }
    return inProcess.endpoint();
  }

  /** Starts a fake with the demo project and bucket, operations of {@code operation}, and the app stand-in. */
  public static FakeGce start(int port, String project, String bucket, Duration operation, Duration latency,
      boolean appStandIn) {
    try {
      return FakeGce.builder().port(port).project(project).bucket(bucket).operationDuration(operation).latency(latency)
          .appStandIn(appStandIn).bootOutput("HermitCore (fake-gce serial console)\n").start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake GCE on port " + port, e);
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
