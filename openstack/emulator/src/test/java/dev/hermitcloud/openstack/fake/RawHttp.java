package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Test helper: plain HTTP calls, for what openstack4j cannot send. */
final class RawHttp {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private RawHttp() {}

  static HttpResponse<String> send(String method, String url, String token, String json)
      throws IOException, InterruptedException {
    return send(method, url, token, json, "application/json");
  }

  static HttpResponse<String> send(
      String method, String url, String token, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", contentType);
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }
}
