package dev.hermitcloud.gce.fake;

/** The VPC networks of a project: only {@code default} exists, as in a fresh project. */
final class Networks {
  static final String DEFAULT = "default";

  private Networks() {}

  /** The network's full URL; 400 when malformed, 404 when it is not {@code default}. */
  static String require(String field, String ref, String project) {
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "networks");
    if (parsed == null || parsed.zone() != null || parsed.name().contains("/")) {
      throw GoogleErrors.invalidField(field, ref,
          "Must be of the form global/networks/NETWORK or its full URL.");
    }
    if (!parsed.name().equals(DEFAULT) || !parsed.project().equals(project)) {
      throw GoogleErrors.notFound(parsed.path());
    }
    return ResourceLinks.url(parsed.path());
  }
}
