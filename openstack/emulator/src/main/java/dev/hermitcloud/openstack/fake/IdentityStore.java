package dev.hermitcloud.openstack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fake's users, projects and application credentials, looked up by Keystone's references. */
final class IdentityStore {
  final List<FakeUser> users;
  final List<FakeProject> projects;
  /** Those given to the builder and those users made through Keystone's API. */
  final List<FakeApplicationCredential> credentials;

  IdentityStore(
      List<FakeUser> users,
      List<FakeProject> projects,
      List<FakeApplicationCredential> credentials) {
    this.users = List.copyOf(users);
    this.projects = List.copyOf(projects);
    this.credentials = new CopyOnWriteArrayList<>(credentials);
  }

  /** A user by {@code {"id"}} or {@code {"name","domain":{"id"|"name"}}}. */
  Optional<FakeUser> user(JsonNode ref) {
    String id = text(ref, "id");
    String name = text(ref, "name");
    JsonNode domain = ref.path("domain");
    return users.stream()
        .filter(
            u ->
                id != null
                    ? u.id().equals(id)
                    : u.name().equals(name)
                        && Domains.matches(u.domain(), text(domain, "id"), text(domain, "name")))
        .findFirst();
  }

  /** A project by {@code {"id"}} or {@code {"name","domain":{"id"|"name"}}}. */
  Optional<FakeProject> project(JsonNode ref) {
    String id = text(ref, "id");
    String name = text(ref, "name");
    JsonNode domain = ref.path("domain");
    return projects.stream()
        .filter(
            p ->
                id != null
                    ? p.id().equals(id)
                    : p.name().equals(name)
                        && Domains.matches(p.domain(), text(domain, "id"), text(domain, "name")))
        .findFirst();
  }

  /** An application credential by {@code id}, or by {@code name} plus its user reference. */
  Optional<FakeApplicationCredential> credential(JsonNode ref) {
    String id = text(ref, "id");
    String name = text(ref, "name");
    Optional<FakeUser> user = ref.has("user") ? user(ref.get("user")) : Optional.empty();
    return credentials.stream()
        .filter(
            c ->
                id != null
                    ? c.id().equals(id)
                    : c.name().equals(name) && user.isPresent() && user.get().equals(c.user()))
        .findFirst();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
