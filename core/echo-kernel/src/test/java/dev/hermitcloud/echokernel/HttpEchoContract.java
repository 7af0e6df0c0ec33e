package dev.hermitcloud.echokernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What a user sees of the echo kernel through QEMU's user network and a port forward, for one NIC model
 * (the subclass): one boot per class, many connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
abstract class HttpEchoContract {
  static final Pattern REMOTE_ADDR = Pattern.compile("RemoteAddr = \"10\\.0\\.2\\.2:(\\d+)\"\n");

  QemuGuest guest;
  int port;

  /** The {@code -device} value, e.g. {@code virtio-net-pci}. */
  abstract String nic();

  /** What the kernel logs about the NIC it found (after "nic "). */
  abstract String nicLogPattern();

  /** Extra kernel command-line words. */
  String extraCommandLine() {
    return "";
  }

  @BeforeAll
  void boot() throws IOException {
    Path dir = Path.of("target", "qemu", getClass().getSimpleName());
    guest = QemuGuest.withPortForward(dir, nic(), (EchoKernel.commandLine(8000) + " " + extraCommandLine()).trim(), 8000);
    guest.awaitListening(8000);
    port = guest.hostPort();
  }

  @AfterAll
  void stop() {
    if (guest != null) {
      guest.close();
    }
  }

  @Test
  void getHelloAnswersLikeTheGoEchoServer() throws IOException {
    RawHttp.Answer answer = RawHttp.get(port, "/hello?a=1");

    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(answer.headers()).containsEntry("content-type", "text/plain; charset=utf-8")
        .containsEntry("connection", "close")
        .containsEntry("content-length", Integer.toString(answer.body().length));
    Matcher remote = REMOTE_ADDR.matcher(answer.text());
    assertThat(remote.find()).as(answer.text()).isTrue();
    assertThat(answer.text()).isEqualTo("GET /hello?a=1 HTTP/1.1\n"
        + "Header[\"Accept\"] = [\"*/*\"]\n"
        + "Header[\"User-Agent\"] = [\"curl/8.1\"]\n"
        + "Host = \"127.0.0.1:" + port + "\"\n"
        + "RemoteAddr = \"10.0.2.2:" + remote.group(1) + "\"\n"
        + "Form[\"a\"] = [\"1\"]\n");
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX + "GET /hello?a=1 from 10.0.2.2:" + remote.group(1)),
        Duration.ofSeconds(10));
  }

  @Test
  void javaHttpClientGetsTheEcho() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build();
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello?a=1&b=two+words"))
            .timeout(Duration.ofSeconds(30)).header("X-Test", "value with \"quotes\"").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("GET /hello?a=1&b=two+words HTTP/1.1\n")
        .contains("Header[\"User-Agent\"] = [\"Java-http-client/")
        .contains("Header[\"X-Test\"] = [\"value with \\\"quotes\\\"\"]\n")
        .contains("Host = \"127.0.0.1:" + port + "\"\n")
        .containsPattern(REMOTE_ADDR)
        .endsWith("Form[\"a\"] = [\"1\"]\nForm[\"b\"] = [\"two words\"]\n");
  }

  @Test
  void answersSeveralRequestsInARow() throws IOException {
    for (int i = 0; i < 25; i++) {
      RawHttp.Answer answer = RawHttp.get(port, "/row/" + i + "?i=" + i);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).startsWith("GET /row/" + i + "?i=" + i + " HTTP/1.1\n")
          .endsWith("Form[\"i\"] = [\"" + i + "\"]\n");
    }
  }

  @Test
  void requestSplitOverSegmentsWithPauses() throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      RawHttp.writeSlowly(s.getOutputStream(), 150, "GE", "T /split?x=", "1 HTTP/1.1\r", "\nHost: split\r\nUser-",
          "Agent: slow\r\n\r", "\n");
      RawHttp.Answer answer = RawHttp.parse(RawHttp.readToEnd(s.getInputStream()));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).startsWith("GET /split?x=1 HTTP/1.1\nHeader[\"User-Agent\"] = [\"slow\"]\n"
          + "Host = \"split\"\n");
    }
  }

  @Test
  void bodySplitOverSegmentsIsWaitedFor() throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      RawHttp.writeSlowly(s.getOutputStream(), 150,
          "POST /form?q=query HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              + "Content-Length: 15\r\n\r\n", "b=2&q=bo", "dy%21&c");
      RawHttp.Answer answer = RawHttp.parse(RawHttp.readToEnd(s.getInputStream()));
      assertThat(answer.text()).endsWith("Form[\"b\"] = [\"2\"]\nForm[\"c\"] = [\"\"]\n"
          + "Form[\"q\"] = [\"body!\" \"query\"]\n"); // Go's ParseForm: body values before the query's
    }
  }

  @Test
  void clientsThatLeaveEarlyDoNotDisturbTheNext() throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      // connects and closes without a word
    }
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write("GET /half HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));
    }
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write("GET /reset HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
      s.setSoLinger(true, 0); // close with RST
    }
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write("GET /unread HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      s.setSoLinger(true, 0); // reset before reading the answer
    }

    assertThat(RawHttp.get(port, "/after-early-closers").text()).startsWith("GET /after-early-closers HTTP/1.1\n");
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX) + "connection from 10\\.0\\.2\\.2:\\d+ closed without a request",
        Duration.ofSeconds(10));
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX) + "connection from 10\\.0\\.2\\.2:\\d+ closed after 22 bytes.*",
        Duration.ofSeconds(10));
    assertThat(guest.alive()).isTrue();
  }

  @Test
  void tooBigHeadIsAnswered431AndServingGoesOn() throws IOException {
    String huge = "GET /big HTTP/1.1\r\nHost: h\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";
    RawHttp.Answer answer = RawHttp.exchange(port, huge);

    assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    assertThat(answer.headers()).containsEntry("connection", "close");
    assertThat(answer.text()).isEqualTo("431 Request Header Fields Too Large");
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX + "431 Request Header Fields Too Large for 10.0.2.2:") + ".*",
        Duration.ofSeconds(10));
    assertThat(RawHttp.get(port, "/after-431").status()).isEqualTo(200);
  }

  @Test
  void tooBigBodyIsAnswered413AndServingGoesOn() throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      OutputStream out = s.getOutputStream();
      out.write("POST /upload HTTP/1.1\r\nHost: h\r\nContent-Length: 200000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.write(new byte[40_000]); // the kernel swallows what comes after its answer
      RawHttp.Answer answer = RawHttp.parse(RawHttp.readToEnd(s.getInputStream()));
      assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
      assertThat(answer.text()).isEqualTo("413 Request Entity Too Large");
    }
    assertThat(RawHttp.get(port, "/after-413").status()).isEqualTo(200);
  }

  @Test
  void headersAreCanonicalGroupedSortedAndQuoted() throws IOException {
    RawHttp.Answer answer = RawHttp.exchange(port, "GET /h HTTP/1.1\r\nhost: h\r\nx-multi: one\r\nzz-last: z\r\n"
        + "X-MULTI: \"two\"\r\ncontent-type:   text/x  \r\nx-tab: a\tb\\c\r\n\r\n");

    assertThat(answer.text()).isEqualTo("GET /h HTTP/1.1\n"
        + "Header[\"Content-Type\"] = [\"text/x\"]\n"
        + "Header[\"X-Multi\"] = [\"one\" \"\\\"two\\\"\"]\n"
        + "Header[\"X-Tab\"] = [\"a\\tb\\\\c\"]\n"
        + "Header[\"Zz-Last\"] = [\"z\"]\n"
        + "Host = \"h\"\n"
        + answer.text().substring(answer.text().indexOf("RemoteAddr")));
  }

  @Test
  void concurrentConnectionsAreServedIndependently() throws IOException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        Socket s = RawHttp.connect(port);
        sockets.add(s);
        s.getOutputStream().write(("GET /concurrent/" + i + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      for (int i = sockets.size() - 1; i >= 0; i--) { // finish them in the opposite order
        sockets.get(i).getOutputStream().write("Host: c\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      for (int i = 0; i < sockets.size(); i++) {
        InputStream in = sockets.get(i).getInputStream();
        assertThat(RawHttp.parse(RawHttp.readToEnd(in)).text()).startsWith("GET /concurrent/" + i + " HTTP/1.1\n");
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void expectContinueGetsAnInterimAnswer() throws IOException {
    try (Socket s = RawHttp.connect(port)) {
      s.getOutputStream().write(("PUT /put HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n"
          + "Content-Type: application/x-www-form-urlencoded\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      s.getOutputStream().write("k=v".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(RawHttp.parse(RawHttp.readToEnd(s.getInputStream())).text()).endsWith("Form[\"k\"] = [\"v\"]\n");
    }
  }

  @Test
  void malformedRequestsGet400LikeGo() throws IOException {
    RawHttp.Answer noHost = RawHttp.exchange(port, "GET /nohost HTTP/1.1\r\n\r\n");
    assertThat(noHost.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(noHost.text()).isEqualTo("400 Bad Request: missing required Host header");
    assertThat(RawHttp.exchange(port, "NONSENSE\r\n\r\n").status()).isEqualTo(400);
    assertThat(RawHttp.exchange(port, "GET / HTTP/2.0\r\nHost: h\r\n\r\n").status()).isEqualTo(505);
    assertThat(RawHttp.get(port, "/after-400").status()).isEqualTo(200);
  }

  @Test
  void serialLogShowsNicLinkDhcpAndRequests() throws IOException {
    RawHttp.get(port, "/logged");
    guest.awaitLine(Pattern.quote(EchoKernel.PREFIX + "GET /logged from 10.0.2.2:") + "\\d+", Duration.ofSeconds(10));
    assertThat(guest.report()).anySatisfy(l -> assertThat(l).matches(Pattern.quote(EchoKernel.PREFIX + "nic ")
            + nicLogPattern() + " at [0-9a-f:.]+ irq \\d+ mac 52:54:00:12:34:56"))
        .contains(EchoKernel.PREFIX + "link up",
            EchoKernel.PREFIX + "dhcp: offer 10.0.2.15 from 10.0.2.2",
            EchoKernel.PREFIX + "dhcp: ack 10.0.2.15 mask 255.255.255.0 gateway 10.0.2.2 dns 10.0.2.3 lease 86400s",
            EchoKernel.LISTENING)
        .noneMatch(l -> l.contains("panic"));
  }
}
