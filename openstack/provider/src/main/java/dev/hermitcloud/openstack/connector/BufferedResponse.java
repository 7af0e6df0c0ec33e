package dev.hermitcloud.openstack.connector;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.openstack4j.core.transport.ExecutionOptions;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;

/**
 * An answer read whole, as openstack4j's own connectors buffer theirs: openstack4j may read an entity
 * more than once (an error's body for its message, then the value).
 */
final class BufferedResponse implements HttpResponse {
  private final java.net.http.HttpResponse<byte[]> response;

  BufferedResponse(java.net.http.HttpResponse<byte[]> response) {
    this.response = response;
  }

  @Override
  public <T> T getEntity(Class<T> type) {
    return getEntity(type, null);
  }

  @Override
  public <T> T getEntity(Class<T> type, ExecutionOptions<T> options) {
    return HttpEntityHandler.handle(this, type, options, true);
  }

  @Override
  public <T> T readEntity(Class<T> type) {
    byte[] body = response.body();
    if (type == String.class) {
      return type.cast(new String(body, StandardCharsets.UTF_8));
    }
    if (type == InputStream.class) {
      return type.cast(new ByteArrayInputStream(body));
    }
    if (type == Void.class || body.length == 0) {
      return null;
    }
    try {
      return ObjectMapperSingleton.getContext(type).readerFor(type).readValue(body);
    } catch (IOException e) {
      throw new UncheckedIOException("an answer of " + response.uri().getPath() + " is not a " + type.getSimpleName(), e);
    }
  }

  @Override
  public int getStatus() {
    return response.statusCode();
  }

  @Override
  public String getContentType() {
    return header("Content-Type");
  }

  /** The JDK client keeps no reason phrase. */
  @Override
  public String getStatusMessage() {
    return "HTTP " + response.statusCode();
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(response.body());
  }

  @Override
  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Override
  public Map<String, String> headers() {
    Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> {
      if (!values.isEmpty()) {
        first.put(name, values.get(0));
      }
    });
    return first;
  }

  @Override
  public void close() {
    // nothing is held open: the body was read whole
  }
}
