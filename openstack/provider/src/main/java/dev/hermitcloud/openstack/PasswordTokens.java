package dev.hermitcloud.openstack;

import org.openstack4j.api.client.IOSClientBuilder;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;

/**
 * Keystone v3 password authentication through openstack4j. The token it returns carries the credentials,
 * so openstack4j renews it by itself when a call meets a 401.
 */
final class PasswordTokens implements TokenSource {
  private final CloudConfig config;

  PasswordTokens(CloudConfig config) {
    this.config = config;
  }

  @Override
  public Token issue() {
    IOSClientBuilder.V3 builder = OSFactory.builderV3().endpoint(config.authUrl())
        .perspective(Facing.value(config.endpointInterface()));
    String password = config.password().orElseThrow();
    if (config.userId().isPresent()) {
      builder.credentials(config.userId().get(), password);
    } else {
      builder.credentials(config.username().orElseThrow(), password, domain(config.userDomainId().orElse(null),
          config.effectiveUserDomainName()));
    }
    if (config.projectId().isPresent()) {
      builder.scopeToProject(Identifier.byId(config.projectId().get()));
    } else {
      builder.scopeToProject(Identifier.byName(config.projectName().orElseThrow()),
          domain(config.projectDomainId().orElse(null), config.effectiveProjectDomainName()));
    }
    return builder.authenticate().getToken();
  }

  @Override
  public boolean renewedByOpenstack4j() {
    return true;
  }

  private static Identifier domain(String id, String name) {
    return id != null ? Identifier.byId(id) : Identifier.byName(name);
  }
}
