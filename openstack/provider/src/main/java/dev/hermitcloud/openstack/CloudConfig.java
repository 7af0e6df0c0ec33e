package dev.hermitcloud.openstack;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One cloud's connection settings, resolved from {@code clouds.yaml} or {@code OS_*} variables. Secrets
 * are redacted from {@link #toString()}; nothing here is ever put in a message.
 */
@Value.Immutable
abstract class CloudConfig {
  /** Where the settings came from, for messages: a clouds.yaml entry or the OS_* variables. */
  abstract String origin();

  /** Keystone v3, ending in {@code /v3}. */
  abstract String authUrl();

  abstract AuthMethod method();

  abstract Optional<String> username();

  abstract Optional<String> userId();

  abstract Optional<String> userDomainName();

  abstract Optional<String> userDomainId();

  @Value.Redacted
  abstract Optional<String> password();

  abstract Optional<String> projectName();

  abstract Optional<String> projectId();

  abstract Optional<String> projectDomainName();

  abstract Optional<String> projectDomainId();

  abstract Optional<String> applicationCredentialId();

  abstract Optional<String> applicationCredentialName();

  @Value.Redacted
  abstract Optional<String> applicationCredentialSecret();

  abstract Optional<String> region();

  /** The endpoint interface of the service catalog: {@code public}, {@code internal} or {@code admin}. */
  @Value.Default
  String endpointInterface() {
    return "public";
  }

  /** The user's domain name, {@code Default} when neither a name nor an id is given. */
  String effectiveUserDomainName() {
    return userDomainId().isPresent() ? null : userDomainName().orElse("Default");
  }

  /** The project's domain name, {@code Default} when neither a name nor an id is given. */
  String effectiveProjectDomainName() {
    return projectDomainId().isPresent() ? null : projectDomainName().orElse("Default");
  }

  static ImmutableCloudConfig.Builder builder() {
    return ImmutableCloudConfig.builder();
  }
}
