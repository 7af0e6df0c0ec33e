package dev.hermitcloud.openstack;

import dev.hermitcloud.openstack.connector.JdkHttpExecutor;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;
import org.openstack4j.core.transport.Config;

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

  /**
   * How long one call waits for its answer before it counts as lost (and is retried): clouds.yaml's
   * {@code api_timeout} or {@code OS_API_TIMEOUT}, in seconds, as openstacksdk reads them.
   */
  @Value.Default
  Duration apiTimeout() {
    return JdkHttpExecutor.DEFAULT_ANSWER_TIMEOUT;
  }

  /** openstack4j's transport settings: its read timeout is the answer deadline of the provider's connector. */
  Config transport() {
    return Config.newConfig().withReadTimeout(Math.toIntExact(apiTimeout().toMillis()));
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
