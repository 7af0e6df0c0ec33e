package dev.hermitcloud.openstack.connector;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.HttpExecutorService;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.core.transport.functions.EndpointURIFromRequestFunction;
import org.openstack4j.openstack.internal.OSAuthenticator;
import org.openstack4j.openstack.internal.OSClientSession;

/**
 * The connector openstack4j finds through {@link java.util.ServiceLoader}. It sends each request with an
 * answer deadline, {@link Config#getReadTimeout()} or {@link #DEFAULT_ANSWER_TIMEOUT} when unset, except
 * uploads of a stream, whose time grows with their size (the upload's own progress shows they move).
 *
 * <p>As openstack4j's own connectors do, it renews a password token once after a 401 and repeats the
 * request, and reports a failed exchange as a {@link ConnectionException} with status 0.
 */
public final class JdkHttpExecutor implements HttpExecutorService {
  /** How long a request waits for its answer when the client's {@link Config} sets no read timeout. */
  public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(60);

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();
  private static final List<Consumer<String>> WATCHERS = new CopyOnWriteArrayList<>();

  /**
   * Tells {@code watcher} of every request sent from now on, as {@code "METHOD /path"} (no query, no
   * header: nothing secret), until the returned handle is closed: how tests count what a run sent to a
   * real cloud, which keeps no count of its own.
   */
  public static AutoCloseable watch(Consumer<String> watcher) {
    WATCHERS.add(watcher);
    return () -> WATCHERS.remove(watcher);
  }

  @Override
  public <R> HttpResponse execute(HttpRequest<R> request) {
    try {
      HttpResponse response = send(request);
      if (response.getStatus() == 401 && !request.getHeaders().containsKey(ClientConstants.HEADER_OS4J_AUTH)) {
        OSAuthenticator.reAuthenticate();
        request.getHeaders().put(ClientConstants.HEADER_X_AUTH_TOKEN, OSClientSession.getCurrent().getTokenId());
        response = send(request);
      }
      return response;
    } catch (ResponseException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException("interrupted while waiting for " + request.getMethod() + " " + request.getPath(), 0, e);
    } catch (IOException | RuntimeException e) {
      // as the stock connector does, whatever fails in the exchange (a renewal without credentials too:
      // openstack4j's NullPointerException about "auth") reaches the caller as a ConnectionException
      throw new ConnectionException(String.valueOf(e.getMessage()), 0, e);
    }
  }

  @Override
  public String getExecutorDisplayName() {
    return "hermit-cloud JDK connector";
  }

  private static <R> HttpResponse send(HttpRequest<R> request) throws IOException, InterruptedException {
    Config config = request.getConfig() == null ? Config.DEFAULT : request.getConfig();
    var builder = java.net.http.HttpRequest.newBuilder(uri(request));
    Object entity = request.getEntity();
    boolean streamed = entity instanceof InputStream;
    if (!streamed) {
      builder.timeout(millisOr(config.getReadTimeout(), DEFAULT_ANSWER_TIMEOUT));
    }
    if (request.hasHeaders()) {
      request.getHeaders().forEach((name, value) -> {
        if (value != null && !RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          builder.setHeader(name, String.valueOf(value));
        }
      });
    }
    builder.setHeader("Accept", "application/json, */*");
    BodyPublisher body = body(request, entity);
    if (body != null) {
      builder.setHeader(ClientConstants.HEADER_CONTENT_TYPE,
          request.hasJson() && entity == null ? ClientConstants.CONTENT_TYPE_JSON : request.getContentType());
    }
    builder.method(request.getMethod().name(), body == null ? BodyPublishers.noBody() : body);
    java.net.http.HttpRequest built = builder.build();
    WATCHERS.forEach(w -> w.accept(built.method() + " " + built.uri().getPath()));
    HttpClient client = CLIENTS.computeIfAbsent(millisOr(config.getConnectTimeout(), DEFAULT_CONNECT_TIMEOUT),
        timeout -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL).build());
    return new BufferedResponse(client.send(built, BodyHandlers.ofByteArray()));
  }

  private static BodyPublisher body(HttpRequest<?> request, Object entity) throws IOException {
    if (entity instanceof InputStream stream) {
      return BodyPublishers.ofInputStream(() -> stream);
    }
    if (entity != null) {
      return BodyPublishers.ofByteArray(ObjectMapperSingleton.getContext(entity.getClass()).writeValueAsBytes(entity));
    }
    if (request.hasJson()) {
      return BodyPublishers.ofString(request.getJson());
    }
    return null;
  }

  private static URI uri(HttpRequest<?> request) {
    String url = new EndpointURIFromRequestFunction().apply(request);
    if (!request.hasQueryParams()) {
      return URI.create(url);
    }
    StringJoiner query = new StringJoiner("&", url.contains("?") ? "&" : "?", "");
    for (Map.Entry<String, List<Object>> param : request.getQueryParams().entrySet()) {
      for (Object value : param.getValue()) {
        query.add(encode(param.getKey()) + "=" + encode(String.valueOf(value)));
      }
    }
    return URI.create(url + query);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Duration millisOr(int millis, Duration fallback) {
    return millis > 0 ? Duration.ofMillis(millis) : fallback;
  }
}
