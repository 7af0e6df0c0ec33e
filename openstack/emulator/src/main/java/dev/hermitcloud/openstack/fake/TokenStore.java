package dev.hermitcloud.openstack.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens Keystone issued, with their expiry; a token that is expired or revoked is not valid. */
final class TokenStore {
  /** A token and what it grants; {@code project} is null for an unscoped token. */
  record IssuedToken(
      String id,
      FakeUser user,
      FakeProject project,
      List<String> methods,
      FakeApplicationCredential applicationCredential,
      Instant issuedAt,
      Instant expiresAt) {

    String projectId() {
      return project == null ? null : project.id();
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
  private volatile Duration lifetime;

  TokenStore(Duration lifetime) {
    this.lifetime = lifetime;
  }

  void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  IssuedToken issue(
      FakeUser user,
      FakeProject project,
      List<String> methods,
      FakeApplicationCredential credential) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    Instant now = Instant.now();
    IssuedToken token =
        new IssuedToken(
            "gAAAAA" + HexFormat.of().formatHex(bytes),
            user,
            project,
            List.copyOf(methods),
            credential,
            now,
            now.plus(lifetime));
    tokens.put(token.id(), token);
    return token;
  }

  Optional<IssuedToken> valid(String id) {
    if (id == null) {
      return Optional.empty();
    }
    IssuedToken token = tokens.get(id);
    if (token == null || !Instant.now().isBefore(token.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(token);
  }

  void revoke(String id) {
    tokens.remove(id);
  }

  void revokeAll() {
    tokens.clear();
  }
}
