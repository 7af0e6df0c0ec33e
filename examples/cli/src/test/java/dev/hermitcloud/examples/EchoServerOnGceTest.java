package dev.hermitcloud.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EchoServerOnGceTest {
  @Test
  void theTutorialRunsAgainstTheFakeAndPrintsACurlableEndpoint() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status = EchoServerOnGce.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--fake");

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isZero();
    assertThat(out).containsPattern("echo server is up: curl http://127\\.\\d+\\.\\d+\\.\\d+:8000/hello\n")
        .contains("it says: hello from echo-server")
        .contains("HermitCore echo server listening on 8000")
        .contains("--- destroying ---");
  }

  @Test
  void withoutTheFakeItNeedsAProjectAndABucket() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status = EchoServerOnGce.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--zone", "europe-west1-b");

    assertThat(status).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("usage: EchoServerOnGce --fake | --project P --bucket B");
  }
}
