package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import org.openstack4j.openstack.identity.v3.domain.TokenAuth;

/** Keystone v3 through openstack4j, and what openstack4j does about expired tokens. */
class KeystoneWireTest {
  private static final String APP_CRED_ID = "4f1f2c5a9d0e4e6f8a7b6c5d4e3f2a1b";
  private static FakeOpenStack cloud;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.builder().user("alice", "wonderland").project("tea-party")
        .applicationCredential(APP_CRED_ID, "ci", "s3cret").start();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @Test
  void passwordAuthGivesAProjectScopedTokenWithTheCatalog() {
    Token token = OpenStackClients.password(cloud).getToken();
    assertThat(token.getId()).isNotEmpty();
    assertThat(token.getProject().getName()).isEqualTo("tea-party");
    assertThat(token.getUser().getName()).isEqualTo("alice");
    assertThat(token.getExpires()).isInTheFuture();
    assertThat(token.getCatalog()).extracting(s -> s.getType())
        .contains("compute", "image", "network", "identity");
    assertThat(token.getCatalog()).flatExtracting(s -> s.getEndpoints())
        .allSatisfy(e -> assertThat(e.getRegion()).isEqualTo("RegionOne"));
  }

  @Test
  void tokensLiveForTheConfiguredLifetime() {
    try (FakeOpenStack shortLived =
        FakeOpenStack.builder().tokenLifetime(java.time.Duration.ofMinutes(5)).start()) {
      java.util.Date expires = OpenStackClients.password(shortLived).getToken().getExpires();
      long minutes = (expires.getTime() - System.currentTimeMillis()) / 60_000;
      assertThat(minutes).isBetween(3L, 5L);
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationException() {
    assertThatThrownBy(() -> OSFactory.builderV3().endpoint(cloud.authUrl())
            .credentials("alice", "wrong", Identifier.byName("Default"))
            .scopeToProject(Identifier.byName("tea-party"), Identifier.byName("Default"))
            .authenticate())
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.getStatus()).isEqualTo(401));
  }

  @Test
  void callsWithoutAValidTokenAre401() throws Exception {
    HttpResponse<String> none =
        RawHttp.send("GET", cloud.baseUrl() + "/compute/v2.1/flavors", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("x-openstack-request-id")).isPresent();
    HttpResponse<String> bogus =
        RawHttp.send("GET", cloud.baseUrl() + "/network/v2.0/networks", "bogus", null);
    assertThat(bogus.statusCode()).isEqualTo(401);
    assertThat(RawHttp.json(bogus).path("error").path("code").asInt()).isEqualTo(401);
  }

  @Test
  void openstack4jReauthenticatesOnceByItselfAfterTokensExpire() {
    OSClientV3 os = OpenStackClients.password(cloud);
    String before = os.getToken().getId();
    cloud.failures().expireAllTokens();
    int auths = cloud.requestCount("POST /v3/auth/tokens");

    assertThat(os.compute().flavors().list()).isNotEmpty();

    assertThat(cloud.requestCount("POST /v3/auth/tokens")).isEqualTo(auths + 1);
    assertThat(os.getToken().getId()).isNotEqualTo(before);
  }

  @Test
  void aTokenIsReusedOnAnotherThreadWithClientFromToken() throws Exception {
    OSClientV3 os = OpenStackClients.password(cloud);
    Token token = os.getToken();

    // the session is thread-local: the same client object has no session on another thread
    Throwable noSession = CompletableFuture.supplyAsync(() -> {
      try {
        os.compute().flavors().list();
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    }).get();
    assertThat(noSession).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Unable to retrieve current session");

    int auths = cloud.requestCount("POST /v3/auth/tokens");
    int flavors = CompletableFuture.supplyAsync(
        () -> OSFactory.clientFromToken(token).compute().flavors().list().size()).get();
    assertThat(flavors).isEqualTo(FakeFlavor.DEFAULTS.size());
    assertThat(cloud.requestCount("POST /v3/auth/tokens")).isEqualTo(auths);

    // the token carries the password credentials, so a client made from it re-authenticates too
    cloud.failures().expireAllTokens();
    int afterExpiry = CompletableFuture.supplyAsync(
        () -> OSFactory.clientFromToken(token).compute().flavors().list().size()).get();
    assertThat(afterExpiry).isEqualTo(FakeFlavor.DEFAULTS.size());
    assertThat(cloud.requestCount("POST /v3/auth/tokens")).isEqualTo(auths + 1);
  }

  @Test
  void applicationCredentialsWorkThroughAHandMadeToken() throws Exception {
    // openstack4j 3.12 has no application_credential method: get the token over plain HTTP
    String body = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
        + "\"application_credential\":{\"id\":\"" + APP_CRED_ID + "\",\"secret\":\"s3cret\"}}}}";
    HttpResponse<String> issued =
        RawHttp.send("POST", cloud.authUrl() + "/auth/tokens", null, body);
    assertThat(issued.statusCode()).isEqualTo(201);
    KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
        .readValue(issued.body(), KeystoneToken.class);
    token.setId(issued.headers().firstValue("X-Subject-Token").orElseThrow());
    token = token.applyContext(cloud.authUrl(),
        new TokenAuth(token.getId(), token.getProject().getName(), token.getProject().getId()));

    OSClientV3 os = OSFactory.clientFromToken(token);
    assertThat(os.supportsCompute()).isTrue();
    assertThat(os.compute().flavors().list()).isNotEmpty();
    assertThat(token.getProject().getName()).isEqualTo("tea-party");
    assertThat(os.getToken().getCatalog()).anySatisfy(
        s -> assertThat(ServiceType.forName(s.getType())).isEqualTo(ServiceType.IMAGE));

    // such a token holds no credentials: openstack4j's re-authentication fails inside the client
    cloud.failures().expireAllTokens();
    assertThatThrownBy(() -> os.compute().flavors().list())
        .isInstanceOfSatisfying(ConnectionException.class,
            e -> assertThat(e.getStatus()).isZero())
        .hasMessageContaining("\"auth\" is null");

    String byName = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
        + "\"application_credential\":{\"name\":\"ci\",\"secret\":\"s3cret\",\"user\":"
        + "{\"name\":\"alice\",\"domain\":{\"name\":\"Default\"}}}}}}";
    assertThat(RawHttp.send("POST", cloud.authUrl() + "/auth/tokens", null, byName).statusCode())
        .isEqualTo(201);
    String wrong = body.replace("s3cret", "guess");
    assertThat(RawHttp.send("POST", cloud.authUrl() + "/auth/tokens", null, wrong).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aUserMakesAnApplicationCredentialThatAuthenticatesUntilItIsDeleted() throws Exception {
    Token token = OpenStackClients.password(cloud).getToken();
    String url = cloud.authUrl() + "/users/" + token.getUser().getId() + "/application_credentials";
    HttpResponse<String> made = RawHttp.send("POST", url, token.getId(), "{\"application_credential\": {\"name\": \"deployer\"}}");
    assertThat(made.statusCode()).isEqualTo(201);
    var credential = RawHttp.json(made).path("application_credential");
    assertThat(credential.path("project_id").asText()).isEqualTo(token.getProject().getId());
    String id = credential.path("id").asText();
    String secret = credential.path("secret").asText();
    assertThat(secret).hasSizeGreaterThan(20);

    String auth = "{\"auth\": {\"identity\": {\"methods\": [\"application_credential\"], \"application_credential\": "
        + "{\"id\": \"" + id + "\", \"secret\": \"" + secret + "\"}}}}";
    HttpResponse<String> issued = RawHttp.send("POST", cloud.authUrl() + "/auth/tokens", null, auth);
    assertThat(issued.statusCode()).isEqualTo(201);
    String credentialToken = issued.headers().firstValue("X-Subject-Token").orElseThrow();
    assertThat(RawHttp.send("POST", url, token.getId(), "{\"application_credential\": {\"name\": \"deployer\"}}")
        .statusCode()).as("a name is unique per user").isEqualTo(409);
    assertThat(RawHttp.send("POST", url, credentialToken, "{\"application_credential\": {\"name\": \"other\"}}")
        .statusCode()).as("a restricted credential makes no other").isEqualTo(403);
    String otherUser = cloud.authUrl() + "/users/0000/application_credentials";
    assertThat(RawHttp.send("POST", otherUser, token.getId(), "{\"application_credential\": {\"name\": \"x\"}}")
        .statusCode()).as("only one's own").isEqualTo(403);

    assertThat(RawHttp.send("DELETE", url + "/" + id, token.getId(), null).statusCode()).isEqualTo(204);
    assertThat(RawHttp.send("DELETE", url + "/" + id, token.getId(), null).statusCode()).isEqualTo(404);
    assertThat(RawHttp.send("POST", cloud.authUrl() + "/auth/tokens", null, auth).statusCode()).isEqualTo(401);
  }
}
