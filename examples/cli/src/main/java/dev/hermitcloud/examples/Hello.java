package dev.hermitcloud.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The tutorial's last step, {@code curl http://ADDRESS:8000/hello}, from Java: one {@code GET /hello}
 * over HTTP/1.1, whose answer from the echo kernel is the request as the Go echo server prints it.
 *
 * <pre>{@code
 * HttpResponse<String> answer = Hello.get(deployment.endpoint(8000));
 * System.out.print(answer.body());   // GET /hello HTTP/1.1, Header["User-Agent"] = [...], Host = ..., RemoteAddr = ...
 * }</pre>
 */
public final class Hello {
  /** What the request says it is, so the echo shows who asked. */
  public static final String USER_AGENT = "hermit-cloud-example";

  private Hello() {}

  /**
   * Sends {@code GET /hello} to {@code endpoint} and returns the answer. HTTP/1.1 on purpose: the JDK's
   * default, HTTP/2, adds h2c upgrade headers that the echo would print.
   */
  public static HttpResponse<String> get(URI endpoint) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/hello")).header("User-Agent", USER_AGENT)
        .timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
