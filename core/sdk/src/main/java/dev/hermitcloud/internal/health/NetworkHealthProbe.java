package dev.hermitcloud.internal.health;

import dev.hermitcloud.spec.Health;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP GET (2xx or 3xx is healthy) or TCP connect, each with a timeout. */
final class NetworkHealthProbe implements HealthProbe {
  private final Duration timeout;
  private final HttpClient http;

  NetworkHealthProbe(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public ProbeResult probe(String address, Health health) {
    String host = address.contains(":") ? "[" + address + "]" : address;
    if (health.httpPath().isPresent()) {
      URI uri = URI.create("http://" + host + ":" + health.port() + health.httpPath().get());
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        String detail = "GET " + uri + " -> HTTP " + status;
        return status >= 200 && status < 400 ? ProbeResult.healthy(detail) : ProbeResult.unhealthy(detail);
      } catch (IOException e) {
        return ProbeResult.unhealthy("GET " + uri + " -> " + ProbeFailure.words(e, timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ProbeResult.unhealthy("interrupted");
      }
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, health.port()), (int) timeout.toMillis());
      return ProbeResult.healthy("tcp " + host + ":" + health.port() + " accepted");
    } catch (IOException e) {
      return ProbeResult.unhealthy("tcp " + host + ":" + health.port() + " -> " + ProbeFailure.words(e, timeout));
    }
  }
}
