package dev.hermitcloud.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.json.Json;
import java.io.IOException;

/** A minimal cloud for the kit's tests: errors as {@code {"error": {code, reason, message}}}. */
public final class PlainDialect implements CloudDialect {
  @Override
  public Reply error(Request request, ApiError error) {
    var body = Json.object();
    body.putObject("error").put("code", error.status()).put("reason", error.code())
        .put("message", error.getMessage());
    return Reply.json(error.status(), body);
  }

  @Override
  public JsonNode parseJson(byte[] body) {
    try {
      return body.length == 0 ? Json.object() : Json.parse(body);
    } catch (IOException e) {
      throw ApiError.of(400, "parse", "bad JSON");
    }
  }

  @Override
  public ApiError noRoute(String method, String rawPath, boolean otherMethod) {
    return ApiError.of(otherMethod ? 405 : 404, "noRoute", method + " " + rawPath);
  }

  @Override
  public ApiError crashed(Exception e) {
    return ApiError.of(500, "crashed", e.toString());
  }

  @Override
  public String faultMessage(int status) {
    return "injected " + status;
  }
}
