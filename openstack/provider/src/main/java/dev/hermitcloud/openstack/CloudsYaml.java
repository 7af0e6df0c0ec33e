package dev.hermitcloud.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one cloud's entry from {@code clouds.yaml}, found where the OpenStack client tools look: {@code
 * ./clouds.yaml}, {@code ~/.config/openstack/clouds.yaml}, {@code /etc/openstack/clouds.yaml} (first one
 * that exists), with the same cloud in a {@code secure.yaml} beside it merged on top.
 */
final class CloudsYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CloudsYaml() {}

  /** The standard places, in the order they are tried. */
  static List<Path> searchPath(Path workingDirectory, Path home) {
    return List.of(workingDirectory.resolve("clouds.yaml"), home.resolve(".config/openstack/clouds.yaml"),
        Path.of("/etc/openstack/clouds.yaml"));
  }

  /** The standard places for this process. */
  static List<Path> searchPath() {
    return searchPath(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
  }

  /** Cloud {@code name} from the first of {@code candidates} that exists. */
  static CloudConfig read(String name, List<Path> candidates) {
    Path file = candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
        new InvalidSpecException("openstack.cloud", name, "cannot be looked up: no clouds.yaml in "
            + candidates + "; write one, or use OpenStack.fromEnvironment() with OS_* variables"));
    return read(name, file);
  }

  /** Cloud {@code name} from {@code file}, with its {@code secure.yaml} neighbour if there is one. */
  static CloudConfig read(String name, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException("openstack.cloudsYaml", file, "does not exist or is not a file");
    }
    Map<String, String> settings = entry(name, file).orElseThrow(() -> new InvalidSpecException("openstack.cloud", name,
        "is not in " + file + ": it defines " + names(file)));
    Path secure = file.resolveSibling("secure.yaml");
    if (Files.isRegularFile(secure)) {
      entry(name, secure).ifPresent(settings::putAll);
    }
    String origin = "cloud '" + name + "' of " + file;
    return new CloudSettings(origin, settings, key -> "clouds." + name + "." + (topLevel(key) ? "" : "auth.") + key)
        .toConfig();
  }

  /** The name of the one cloud {@code file} defines; with none or several, an error listing them. */
  static String onlyCloud(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidSpecException("openstack.cloudsYaml", file, "does not exist or is not a file");
    }
    List<String> names = names(file);
    if (names.size() == 1) {
      return names.get(0);
    }
    String example = names.isEmpty() ? "NAME" : names.get(0);
    throw new InvalidSpecException("openstack.cloud", null, "is required: " + file + " defines "
        + (names.isEmpty() ? "no clouds" : names.size() + " clouds " + names) + ", so name the one to use with",
        Fix.set("openstack.cloud", example).java("OpenStack.cloud(\"" + example + "\")"));
  }

  private static boolean topLevel(String key) {
    return key.equals("auth_type") || key.equals("region_name") || key.equals("interface")
        || key.equals("identity_api_version");
  }

  /** The cloud's settings flattened: the {@code auth} section and the top-level scalars. */
  private static Optional<Map<String, String>> entry(String name, Path file) {
    JsonNode cloud = parse(file).path("clouds").path(name);
    if (!cloud.isObject()) {
      return Optional.empty();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    cloud.fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        settings.put(e.getKey(), e.getValue().asText());
      }
    });
    if (cloud.has("regions") && !settings.containsKey("region_name")) {
      JsonNode first = cloud.path("regions").path(0);
      Optional.ofNullable(first.isTextual() ? first.asText() : first.path("name").asText(null))
          .ifPresent(r -> settings.put("region_name", r));
    }
    cloud.path("auth").fields().forEachRemaining(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        settings.put(e.getKey(), e.getValue().asText());
      }
    });
    return Optional.of(settings);
  }

  private static List<String> names(Path file) {
    List<String> names = new ArrayList<>();
    parse(file).path("clouds").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode parse(Path file) {
    try {
      JsonNode root = YAML.readTree(file.toFile());
      return root == null ? YAML.createObjectNode() : root;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // the parser's message may quote the offending line, which may hold a password
      throw new InvalidSpecException("openstack.cloudsYaml", file, "is not valid YAML (line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
