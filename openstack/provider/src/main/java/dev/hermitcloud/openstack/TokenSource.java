package dev.hermitcloud.openstack;

import org.openstack4j.model.identity.v3.Token;

/** Asks Keystone for a new project-scoped token, with the service catalog. */
interface TokenSource {
  Token issue() throws Exception;

  /** Whether openstack4j can renew this source's tokens by itself after Keystone refuses one. */
  boolean renewedByOpenstack4j();

  static TokenSource of(CloudConfig config) {
    return config.method() == AuthMethod.PASSWORD ? new PasswordTokens(config) : new ApplicationCredentialTokens(config);
  }
}
