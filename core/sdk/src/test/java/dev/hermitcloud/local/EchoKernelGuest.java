package dev.hermitcloud.local;

import dev.hermitcloud.demo.DemoModule;
import dev.hermitcloud.echokernel.EchoKernel;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The echo kernel as a local unikernel, and the two ways a test talks to it: an HTTP GET and a bare connect. */
final class EchoKernelGuest {
  static final int PORT = 8000;

  private EchoKernelGuest() {}

  /** The echo kernel serving {@link #PORT}; the SDK wants a module and the kernel ignores it, so a tiny text one. */
  static Unikernel unikernel(Path dir, String name) throws IOException {
    Path kernel = EchoKernel.writeTo(dir);
    Path module = DemoModule.writeTo(dir.resolve("unused"), "the echo kernel ignores modules\n".getBytes(StandardCharsets.US_ASCII));
    return Unikernel.named(name).loader(kernel, EchoKernel.commandLine(PORT)).module(module).build();
  }

  /** {@code GET /hello} over HTTP/1.1 (no h2c upgrade headers in the echo); the answer's body. */
  static HttpResponse<String> getHello(URI endpoint) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/hello")).header("User-Agent", "hermit-test")
        .timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Opens and closes a TCP connection; throws {@link java.net.ConnectException} when nothing listens there. */
  static void connect(String address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5000);
    }
  }
}
