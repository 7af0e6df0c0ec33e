package dev.hermitcloud.openstack;

import java.time.Duration;
import java.util.Optional;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

/**
 * openstack4j clients for the calling thread, all sharing one Keystone token. openstack4j keeps its
 * session in a thread-local, so a client must be made on the thread that uses it: {@link #os()} makes
 * one (no network call) from the shared token, which it renews before it expires.
 *
 * <p>After Keystone refuses a token early (revoked), openstack4j renews password tokens by itself on the
 * thread that met the 401; the renewed token is then shared. Application-credential tokens it cannot
 * renew: {@link #refused()} drops the token so that the next call (the engine's retry) gets a new one.
 */
final class Clients {
  private static final Duration LONGEST_MARGIN = Duration.ofMinutes(5);

  private final TokenSource source;
  private final Facing facing;
  private final Optional<String> region;
  private final ThreadLocal<OSClientV3> lastOnThisThread = new ThreadLocal<>();
  private Token token;

  Clients(TokenSource source, Facing facing, Optional<String> region) {
    this.source = source;
    this.facing = facing;
    this.region = region;
  }

  /** A client for this thread; authenticates first if there is no usable token. */
  OSClientV3 os() throws Exception {
    OSClientV3 os = OSFactory.clientFromToken(token(), facing);
    if (region.isPresent()) {
      os = os.useRegion(region.get());
    }
    lastOnThisThread.set(os);
    return os;
  }

  /** Whether openstack4j renews tokens by itself after a 401. */
  boolean renewedByOpenstack4j() {
    return source.renewedByOpenstack4j();
  }

  /** Keystone refused the token and openstack4j could not renew it: the next call authenticates again. */
  synchronized void refused() {
    token = null;
  }

  private synchronized Token token() throws Exception {
    adoptRenewedToken();
    if (token == null || expiresSoon(token)) {
      token = source.issue();
    }
    return token;
  }

  /** Shares a token openstack4j renewed on this thread, so other threads do not each meet the 401. */
  private void adoptRenewedToken() {
    OSClientV3 last = lastOnThisThread.get();
    Token seen = last == null ? null : last.getToken();
    if (seen != null && token != null && !seen.getId().equals(token.getId()) && seen.getExpires() != null
        && token.getExpires() != null && seen.getExpires().after(token.getExpires())) {
      token = seen;
    }
  }

  /** Renews a little before expiry: five minutes, or half the token's life if it is shorter. */
  private static boolean expiresSoon(Token token) {
    if (token.getExpires() == null) {
      return false;
    }
    long expires = token.getExpires().getTime();
    long issued = token.getIssuedAt() == null ? expires - 60_000 : token.getIssuedAt().getTime();
    long margin = Math.min(LONGEST_MARGIN.toMillis(), (expires - issued) / 2);
    return System.currentTimeMillis() >= expires - margin;
  }
}
