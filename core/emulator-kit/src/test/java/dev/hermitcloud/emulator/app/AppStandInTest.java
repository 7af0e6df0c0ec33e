package dev.hermitcloud.emulator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The stand-in follows the bindings the cloud opens, answering only while it is enabled. */
class AppStandInTest {
  private final Set<Binding> open = ConcurrentHashMap.newKeySet();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void listensWhereTheCloudOpensAndStopsWhenItCloses() throws Exception {
    int port = freePort();
    Binding web = new Binding("127.0.0.7", port, "web-1");
    try (AppStandIn standIn = new AppStandIn("kit-test", () -> Set.copyOf(open), true)) {
      open.add(web);
      standIn.reconcile();

      assertThat(standIn.endpoints()).containsExactly("127.0.0.7:" + port);
      HttpResponse<String> hello = get("http://127.0.0.7:" + port + "/");
      assertThat(hello.statusCode()).isEqualTo(200);
      assertThat(hello.body()).isEqualTo("hello from web-1\n");

      open.remove(web);
      standIn.reconcile();
      assertThat(standIn.endpoints()).isEmpty();
      assertThat(refused("http://127.0.0.7:" + port + "/")).isTrue();
    }
  }

  @Test
  void disabledItListensNowhereAndEnablingCatchesUp() throws Exception {
    int port = freePort();
    open.add(new Binding("127.0.0.8", port, "db"));
    try (AppStandIn standIn = new AppStandIn("kit-test", () -> Set.copyOf(open), false)) {
      standIn.reconcile();
      assertThat(standIn.endpoints()).isEmpty();

      standIn.enabled(true);
      assertThat(get("http://127.0.0.8:" + port + "/x").body()).isEqualTo("hello from db\n");
      standIn.enabled(false);
      assertThat(standIn.endpoints()).isEmpty();
    }
  }

  @Test
  void aBusyPortIsReportedAndTriedAgain() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.9"))) {
      open.add(new Binding("127.0.0.9", busy.getLocalPort(), "busy"));
      try (AppStandIn standIn = new AppStandIn("kit-test", () -> Set.copyOf(open), true)) {
        standIn.reconcile();
        assertThat(standIn.endpoints()).isEmpty();
        assertThat(standIn.failures()).singleElement().asString().contains("busy");
      }
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private boolean refused(String url) {
    try {
      get(url);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
