package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Ownership;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels (and Cloud Storage metadata) a resource carries: the user's, then the ownership marks. */
final class Labels {
  private Labels() {}

  static Map<String, String> of(Map<String, String> user, Ownership ownership) {
    Map<String, String> labels = new LinkedHashMap<>(user);
    labels.putAll(ownership.toLabels());
    return labels;
  }

  /** A compute list filter for resources labelled as owned by {@code deployment}. */
  static String ownedFilter(String deployment) {
    return "labels." + Ownership.DEPLOYMENT_KEY + " = \"" + deployment + "\"";
  }
}
