package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermitcloud.emulator.http.Reply;
import dev.hermitcloud.emulator.http.Request;
import dev.hermitcloud.emulator.http.Route;
import dev.hermitcloud.emulator.http.Router;
import dev.hermitcloud.emulator.id.Ids;
import dev.hermitcloud.emulator.json.Json;
import dev.hermitcloud.emulator.time.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keystone v3: issues tokens for password, application-credential and token authentication, and
 * validates them. Any authentication failure is a bare 401, as Keystone gives nothing away.
 */
final class KeystoneApi {
  static final String VERSION = "/v3";
  static final String TOKENS = "/v3/auth/tokens";
  static final String CREDENTIALS = "/v3/users/{user_id}/application_credentials";

  private final IdentityStore identity;
  private final TokenStore tokens;

  KeystoneApi(IdentityStore identity, TokenStore tokens) {
    this.identity = identity;
    this.tokens = tokens;
  }

  void register(Router router) {
    router.add("GET", VERSION, false, this::version);
    router.add("POST", TOKENS, false, this::issue);
    router.add("GET", TOKENS, this::check);
    router.add("POST", CREDENTIALS, this::createCredential);
    router.add("DELETE", CREDENTIALS + "/{id}", this::deleteCredential);
  }

  /** True for the routes served without a token: the version document and token issuing. */
  static boolean isOpen(Route route) {
    return route.key().equals("GET " + VERSION) || route.key().equals("POST " + TOKENS);
  }

  private Reply version(Request r) {
    ObjectNode body = Json.object();
    ObjectNode v = body.putObject("version");
    v.put("id", "v3.14").put("status", "stable").put("updated", "2020-04-07T00:00:00Z");
    v.putArray("links").addObject().put("rel", "self").put("href", r.baseUrl() + "/v3/");
    return Reply.json(200, body);
  }

  private Reply issue(Request r) {
    JsonNode auth = Fields.wrapped(r.json(), "auth");
    JsonNode identityNode = auth.path("identity");
    JsonNode methods = identityNode.path("methods");
    if (!methods.isArray() || methods.isEmpty()) {
      throw OpenStackErrors.badRequest("Expecting to find methods in identity.");
    }
    String method = methods.get(0).asText();
    TokenStore.IssuedToken token =
        switch (method) {
          case "password" -> password(identityNode.path("password"), auth.path("scope"));
          case "application_credential" ->
              applicationCredential(identityNode.path("application_credential"), auth.get("scope"));
          case "token" -> byToken(identityNode.path("token"), auth.path("scope"));
          default -> throw OpenStackErrors.unauthorized();
        };
    return Reply.json(201, render(token, r.baseUrl())).header("X-Subject-Token", token.id());
  }

  private TokenStore.IssuedToken password(JsonNode password, JsonNode scope) {
    JsonNode userRef = password.path("user");
    if (!userRef.isObject()) {
      throw OpenStackErrors.badRequest("Expecting to find user in password.");
    }
    FakeUser user = identity.user(userRef).orElseThrow(OpenStackErrors::unauthorized);
    if (!user.password().equals(userRef.path("password").asText(null))) {
      throw OpenStackErrors.unauthorized();
    }
    return tokens.issue(user, scopedProject(scope), List.of("password"), null);
  }

  private TokenStore.IssuedToken applicationCredential(JsonNode ref, JsonNode scope) {
    if (scope != null && !scope.isNull()) {
      throw OpenStackErrors.of(401, "Application credentials cannot request a scope.");
    }
    FakeApplicationCredential credential =
        identity.credential(ref).orElseThrow(OpenStackErrors::unauthorized);
    if (!credential.secret().equals(ref.path("secret").asText(null))) {
      throw OpenStackErrors.unauthorized();
    }
    return tokens.issue(
        credential.user(), credential.project(), List.of("application_credential"), credential);
  }

  private TokenStore.IssuedToken byToken(JsonNode ref, JsonNode scope) {
    TokenStore.IssuedToken old =
        tokens.valid(ref.path("id").asText(null)).orElseThrow(OpenStackErrors::unauthorized);
    FakeProject project = scope.isMissingNode() ? old.project() : scopedProject(scope);
    List<String> methods = new ArrayList<>(old.methods());
    if (!methods.contains("token")) {
      methods.add("token");
    }
    return tokens.issue(old.user(), project, methods, old.applicationCredential());
  }

  /** The project a scope names; every user is a member of every project. No scope: unscoped. */
  private FakeProject scopedProject(JsonNode scope) {
    if (scope.isMissingNode() || scope.isNull()) {
      return null;
    }
    JsonNode project = scope.path("project");
    if (!project.isObject()) {
      throw OpenStackErrors.of(401, "The fake only issues project-scoped or unscoped tokens.");
    }
    return identity.project(project).orElseThrow(OpenStackErrors::unauthorized);
  }

  private Reply check(Request r) {
    Optional<TokenStore.IssuedToken> subject = tokens.valid(r.header("X-Subject-Token"));
    if (subject.isEmpty()) {
      throw OpenStackErrors.notFound("Could not find token.");
    }
    return Reply.json(200, render(subject.get(), r.baseUrl()))
        .header("X-Subject-Token", subject.get().id());
  }

  /**
   * Keystone's "Create application credential": a user makes one for themself, scoped to the token's
   * project; the secret is generated unless given and is shown only in this answer; a name is unique
   * per user (409). A token from an application credential may not make another (403, unless the
   * credential is unrestricted, which the fake's never are).
   * https://docs.openstack.org/api-ref/identity/v3/#create-application-credential
   */
  private synchronized Reply createCredential(Request r) {
    TokenStore.IssuedToken caller = Caller.token(r);
    FakeUser user = owner(r, caller);
    if (caller.applicationCredential() != null) {
      throw OpenStackErrors.forbidden("You are not authorized to perform the requested action: "
          + "identity:create_application_credential.");
    }
    JsonNode body = Fields.wrapped(r.json(), "application_credential");
    String name = body.path("name").asText("");
    if (name.isEmpty()) {
      throw OpenStackErrors.badRequest("Invalid input for field 'name': 'name' is a required property");
    }
    if (identity.credentials.stream().anyMatch(c -> c.user().equals(user) && c.name().equals(name))) {
      throw OpenStackErrors.conflict("Conflict occurred attempting to store application_credential - Duplicate entry.");
    }
    String secret = body.hasNonNull("secret") ? body.get("secret").asText() : randomHex() + randomHex();
    FakeApplicationCredential credential =
        new FakeApplicationCredential(randomHex(), name, secret, user, caller.project());
    identity.credentials.add(credential);
    ObjectNode out = Json.object();
    out.putObject("application_credential").put("id", credential.id()).put("name", name)
        .put("secret", secret).put("project_id", caller.projectId()).put("unrestricted", false)
        .putNull("expires_at").putNull("description");
    return Reply.json(201, out);
  }

  /** 32 random hex digits, the shape of Keystone's ids. */
  private static String randomHex() {
    return Ids.uuid().replace("-", "");
  }

  /** Keystone's "Delete application credential": 204, or 404 for one the user does not have. */
  private Reply deleteCredential(Request r) {
    FakeUser user = owner(r, Caller.token(r));
    boolean removed = identity.credentials.removeIf(c -> c.user().equals(user) && c.id().equals(r.var("id")));
    if (!removed) {
      throw OpenStackErrors.notFound("Could not find application credential: " + r.var("id") + ".");
    }
    return Reply.empty(204);
  }

  /** The path's user, who must be the caller: a user manages only their own credentials. */
  private static FakeUser owner(Request r, TokenStore.IssuedToken caller) {
    if (!caller.user().id().equals(r.var("user_id"))) {
      throw OpenStackErrors.forbidden("You are not authorized to perform the requested action: "
          + "identity:create_application_credential.");
    }
    return caller.user();
  }

  private static ObjectNode render(TokenStore.IssuedToken token, String baseUrl) {
    ObjectNode body = Json.object();
    ObjectNode t = body.putObject("token");
    token.methods().forEach(t.putArray("methods")::add);
    t.put("expires_at", Timestamps.micros(token.expiresAt()));
    t.put("issued_at", Timestamps.micros(token.issuedAt()));
    t.putArray("audit_ids").add(token.id().substring(6, 28));
    FakeUser user = token.user();
    ObjectNode u = t.putObject("user").put("id", user.id()).put("name", user.name());
    u.putObject("domain").put("id", Domains.idOf(user.domain())).put("name", user.domain());
    u.putNull("password_expires_at");
    if (token.project() != null) {
      FakeProject p = token.project();
      ObjectNode project = t.putObject("project").put("id", p.id()).put("name", p.name());
      project.putObject("domain").put("id", Domains.idOf(p.domain())).put("name", p.domain());
      t.put("is_domain", false);
      t.putArray("roles")
          .add(Json.object().put("id", Ids.stableHex("role-member")).put("name", "member"))
          .add(Json.object().put("id", Ids.stableHex("role-reader")).put("name", "reader"));
      t.set("catalog", Catalog.render(baseUrl));
    }
    if (token.applicationCredential() != null) {
      FakeApplicationCredential c = token.applicationCredential();
      t.putObject("application_credential")
          .put("id", c.id())
          .put("name", c.name())
          .put("restricted", true);
    }
    return body;
  }
}
