package dev.hermitcloud.openstack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code OS_*} variables, as an {@code openrc} file sets them: {@code OS_AUTH_URL},
 * {@code OS_USERNAME}, {@code OS_PASSWORD}, {@code OS_PROJECT_NAME}, {@code OS_USER_DOMAIN_NAME},
 * {@code OS_REGION_NAME}, {@code OS_AUTH_TYPE=v3applicationcredential} with
 * {@code OS_APPLICATION_CREDENTIAL_ID} and {@code OS_APPLICATION_CREDENTIAL_SECRET}, and so on.
 */
final class OsVariables {
  static final String PREFIX = "OS_";

  private OsVariables() {}

  static CloudConfig read(Map<String, String> variables) {
    Map<String, String> settings = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (name.startsWith(PREFIX)) {
        settings.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), value);
      }
    });
    return new CloudSettings("the OS_* variables", settings, key -> PREFIX + key.toUpperCase(Locale.ROOT)).toConfig();
  }
}
