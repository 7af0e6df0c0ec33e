package dev.hermitcloud.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hermitcloud.spec.Health;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkHealthProbeTest {
  HttpServer server;
  int port;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      int status = exchange.getRequestURI().getPath().equals("/broken") ? 500
          : exchange.getRequestURI().getPath().equals("/moved") ? 302 : 200;
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/");
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void httpIsHealthyOn2xxAnd3xxOnly() {
    HealthProbe probe = HealthProbe.network();
    assertThat(probe.probe("127.0.0.1", Health.http(port, "/"))).satisfies(r -> {
      assertThat(r.healthy()).isTrue();
      assertThat(r.detail()).isEqualTo("GET http://127.0.0.1:" + port + "/ -> HTTP 200");
    });
    assertThat(probe.probe("127.0.0.1", Health.http(port, "/moved")).healthy()).isTrue();
    assertThat(probe.probe("127.0.0.1", Health.http(port, "/broken"))).satisfies(r -> {
      assertThat(r.healthy()).isFalse();
      assertThat(r.detail()).endsWith("-> HTTP 500");
    });
  }

  @Test
  void closedPortIsUnhealthyForHttpAndTcp() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closed = socket.getLocalPort();
    }
    HealthProbe probe = HealthProbe.network();
    assertThat(probe.probe("127.0.0.1", Health.http(closed, "/"))).satisfies(r -> {
      assertThat(r.healthy()).isFalse();
      assertThat(r.detail()).isEqualTo("GET http://127.0.0.1:" + closed + "/ -> connection refused (nothing listens on that port yet)");
    });
    assertThat(probe.probe("127.0.0.1", Health.tcp(closed))).satisfies(r -> {
      assertThat(r.healthy()).isFalse();
      assertThat(r.detail()).isEqualTo("tcp 127.0.0.1:" + closed + " -> connection refused (nothing listens on that port yet)");
    });
    assertThat(probe.probe("127.0.0.1", Health.tcp(port)).healthy()).isTrue();
  }
}
