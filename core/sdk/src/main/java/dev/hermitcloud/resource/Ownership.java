package dev.hermitcloud.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The marks that say a resource belongs to a deployment and which spec it was made from. Providers store
 * them as labels, metadata or properties and read them back; a resource without them is never adopted,
 * changed or deleted.
 */
@Value.Immutable
public abstract class Ownership {
  public static final String DEPLOYMENT_KEY = "hermit-deployment";
  public static final String SPEC_KEY = "hermit-spec";
  public static final String REPLACE_KEY = "hermit-replace";

  public abstract String deployment();

  public abstract String fingerprint();

  public abstract String replaceFingerprint();

  /** The marks for a resource made from {@code spec}. */
  public static Ownership of(ResourceSpec spec) {
    return ImmutableOwnership.builder().deployment(spec.deployment()).fingerprint(spec.fingerprint())
        .replaceFingerprint(spec.replaceFingerprint()).build();
  }

  /** The marks as labels, valid under GCE's label rules (lower-case keys and values). */
  public Map<String, String> toLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(DEPLOYMENT_KEY, deployment());
    labels.put(SPEC_KEY, fingerprint());
    labels.put(REPLACE_KEY, replaceFingerprint());
    return labels;
  }

  /** Reads the marks back; empty unless all three are present. */
  public static Optional<Ownership> fromLabels(Map<String, String> labels) {
    if (labels == null) {
      return Optional.empty();
    }
    String deployment = labels.get(DEPLOYMENT_KEY);
    String spec = labels.get(SPEC_KEY);
    String replace = labels.get(REPLACE_KEY);
    if (deployment == null || spec == null || replace == null) {
      return Optional.empty();
    }
    return Optional.of(ImmutableOwnership.builder().deployment(deployment).fingerprint(spec)
        .replaceFingerprint(replace).build());
  }

  /** The marks as one line of text, for clouds that only offer a description field (GCE firewalls). */
  public String toDescriptionLine() {
    StringBuilder out = new StringBuilder();
    toLabels().forEach((k, v) -> out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return out.toString();
  }

  /** Reads marks written by {@link #toDescriptionLine()} anywhere in a description. */
  public static Optional<Ownership> fromDescription(String description) {
    if (description == null) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String token : description.split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0 && token.startsWith("hermit-")) {
        labels.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return fromLabels(labels);
  }

  /** Whether the marks say {@code deployment} owns the resource. */
  public boolean ownedBy(String deployment) {
    return deployment().equals(deployment);
  }
}
