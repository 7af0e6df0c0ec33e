package dev.hermitcloud.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EchoServerOnOpenStackTest {
  @Test
  void theTutorialRunsAgainstTheFakeAnswersOnItsFloatingIpAndCleansUp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int status;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      status = new CommandLine(new EchoServerOnOpenStack()).execute("--fake");
    } finally {
      System.setOut(saved);
    }

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isZero();
    assertThat(out).containsPattern("endpoint: http://127\\.0\\.1\\.\\d+:8000")
        .containsPattern("GET http://127\\.0\\.1\\.\\d+:8000/hello -> 200 hello from echo-server")
        .contains("--- serial console ---");
  }
}
