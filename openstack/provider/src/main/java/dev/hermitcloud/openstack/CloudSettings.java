package dev.hermitcloud.openstack;

import dev.hermitcloud.InvalidSpecException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns settings keyed the way clouds.yaml's {@code auth} section keys them ({@code auth_url},
 * {@code username}, {@code application_credential_secret}, plus {@code auth_type}, {@code region_name},
 * {@code interface}) into a {@link CloudConfig}, checking that the chosen method has what it needs.
 * {@code OS_*} variables map onto the same keys by dropping the prefix and lower-casing.
 */
final class CloudSettings {
  private static final Set<String> PASSWORD_TYPES = Set.of("password", "v3password");
  private static final Set<String> APPLICATION_CREDENTIAL_TYPES =
      Set.of("v3applicationcredential", "applicationcredential", "application_credential");
  private static final Set<String> INTERFACES = Set.of("public", "internal", "admin");

  private final String origin;
  private final Map<String, String> settings;
  private final UnaryOperator<String> field;

  /**
   * @param origin where the settings came from, for messages
   * @param field how the user wrote a key there ({@code clouds.x.auth.password}, {@code OS_PASSWORD})
   */
  CloudSettings(String origin, Map<String, String> settings, UnaryOperator<String> field) {
    this.origin = origin;
    this.settings = settings;
    this.field = field;
  }

  CloudConfig toConfig() {
    optional("identity_api_version").filter(v -> !v.equals("3") && !v.startsWith("3.")).ifPresent(v -> {
      throw new InvalidSpecException(field.apply("identity_api_version"), v, "is not supported: only Keystone v3 is (in " + origin + ")");
    });
    AuthMethod method = method();
    var config = CloudConfig.builder().origin(origin).method(method)
        .authUrl(authUrl(required("auth_url", "Keystone's URL")))
        .username(optional("username")).userId(optional("user_id"))
        .userDomainName(optional("user_domain_name").or(() -> optional("domain_name")))
        .userDomainId(optional("user_domain_id").or(() -> optional("domain_id")))
        .projectName(optional("project_name").or(() -> optional("tenant_name")))
        .projectId(optional("project_id").or(() -> optional("tenant_id")))
        .projectDomainName(optional("project_domain_name").or(() -> optional("domain_name")))
        .projectDomainId(optional("project_domain_id").or(() -> optional("domain_id")))
        .region(optional("region_name"));
    optional("interface").map(this::endpointInterface).ifPresent(config::endpointInterface);
    if (method == AuthMethod.PASSWORD) {
      config.password(required("password", "the user's password"));
      if (optional("username").isEmpty() && optional("user_id").isEmpty()) {
        throw missing("username", "the user to authenticate as (or user_id)");
      }
      if (optional("project_name").or(() -> optional("tenant_name")).isEmpty()
          && optional("project_id").or(() -> optional("tenant_id")).isEmpty()) {
        throw missing("project_name", "the project to work in (or project_id)");
      }
    } else {
      config.applicationCredentialSecret(required("application_credential_secret", "the credential's secret"));
      config.applicationCredentialId(optional("application_credential_id"))
          .applicationCredentialName(optional("application_credential_name"));
      if (optional("application_credential_id").isEmpty()) {
        optional("application_credential_name").orElseThrow(() ->
            missing("application_credential_id", "the credential's id (or its name with username or user_id)"));
        if (optional("username").isEmpty() && optional("user_id").isEmpty()) {
          throw missing("username", "the credential's owner, since the credential is given by name");
        }
      }
    }
    return config.build();
  }

  private AuthMethod method() {
    Optional<String> type = optional("auth_type").map(t -> t.toLowerCase(Locale.ROOT));
    if (type.isEmpty()) {
      return optional("application_credential_secret").isPresent() ? AuthMethod.APPLICATION_CREDENTIAL : AuthMethod.PASSWORD;
    }
    if (PASSWORD_TYPES.contains(type.get())) {
      return AuthMethod.PASSWORD;
    }
    if (APPLICATION_CREDENTIAL_TYPES.contains(type.get())) {
      return AuthMethod.APPLICATION_CREDENTIAL;
    }
    throw new InvalidSpecException(field.apply("auth_type"), type.get(),
        "is not supported (in " + origin + "): use password or v3applicationcredential");
  }

  /** Keystone's v3 root: {@code https://h:5000} and {@code https://h/identity/} gain {@code /v3}. */
  private String authUrl(String url) {
    String trimmed = url.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
      throw new InvalidSpecException(field.apply("auth_url"), url, "is not an http(s) URL (in " + origin + ")");
    }
    if (trimmed.endsWith("/v2.0")) {
      throw new InvalidSpecException(field.apply("auth_url"), url,
          "is Keystone v2.0, which is gone: use the v3 URL (in " + origin + ")");
    }
    return trimmed.endsWith("/v3") ? trimmed : trimmed + "/v3";
  }

  private String endpointInterface(String value) {
    String normalised = value.toLowerCase(Locale.ROOT).replace("url", "");
    if (!INTERFACES.contains(normalised)) {
      throw new InvalidSpecException(field.apply("interface"), value, "is not public, internal or admin (in " + origin + ")");
    }
    return normalised;
  }

  private Optional<String> optional(String key) {
    return Optional.ofNullable(settings.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private String required(String key, String what) {
    return optional(key).orElseThrow(() -> missing(key, what));
  }

  /** Never quotes a value: the field may be a secret. */
  private InvalidSpecException missing(String key, String what) {
    return new InvalidSpecException(field.apply(key), null, "is required: " + what + " (in " + origin + ")");
  }
}
