package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.CloudException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import org.openstack4j.openstack.identity.v3.domain.TokenAuth;

/**
 * Keystone v3 application-credential authentication, which openstack4j 3.12 lacks: the token is fetched
 * over plain HTTP and handed to openstack4j. Such a token holds no credentials, so openstack4j cannot
 * renew it; {@link Clients} does.
 */
final class ApplicationCredentialTokens implements TokenSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CloudConfig config;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  ApplicationCredentialTokens(CloudConfig config) {
    this.config = config;
  }

  @Override
  public Token issue() throws CloudException, InterruptedException {
    String url = config.authUrl() + "/auth/tokens";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body())).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CloudException.connection("cannot reach Keystone at " + url + ": " + e, e);
    }
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw new CloudException(response.statusCode(), "Keystone refused application credential "
          + credential() + ": " + errorMessage(response.body()));
    }
    String id = response.headers().firstValue("X-Subject-Token").orElseThrow(() ->
        new CloudException(502, "Keystone answered without an X-Subject-Token header"));
    try {
      KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
          .readValue(response.body(), KeystoneToken.class);
      token.setId(id);
      return token.applyContext(config.authUrl(),
          new TokenAuth(id, token.getProject().getName(), token.getProject().getId()));
    } catch (IOException | RuntimeException e) {
      throw new CloudException(502, "Keystone's token is not what openstack4j reads: " + e.getMessage(), null, e);
    }
  }

  @Override
  public boolean renewedByOpenstack4j() {
    return false;
  }

  private String body() {
    ObjectNode credential = JSON.createObjectNode();
    config.applicationCredentialId().ifPresentOrElse(id -> credential.put("id", id), () -> {
      credential.put("name", config.applicationCredentialName().orElseThrow());
      ObjectNode user = credential.putObject("user");
      config.userId().ifPresentOrElse(id -> user.put("id", id), () -> {
        user.put("name", config.username().orElseThrow());
        ObjectNode domain = user.putObject("domain");
        config.userDomainId().ifPresentOrElse(id -> domain.put("id", id), () -> domain.put("name", config.effectiveUserDomainName()));
      });
    });
    credential.put("secret", config.applicationCredentialSecret().orElseThrow());
    ObjectNode root = JSON.createObjectNode();
    ObjectNode identity = root.putObject("auth").putObject("identity");
    identity.putArray("methods").add("application_credential");
    identity.set("application_credential", credential);
    return root.toString();
  }

  private String credential() {
    return config.applicationCredentialId().map(id -> "id " + id)
        .orElseGet(() -> "'" + config.applicationCredentialName().orElse("?") + "'");
  }

  /** Keystone's {@code error.message}, never the request. */
  private static String errorMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      if (error.hasNonNull("message")) {
        return error.path("message").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall through to the raw text
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
