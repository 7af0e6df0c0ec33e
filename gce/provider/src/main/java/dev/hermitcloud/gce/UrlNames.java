package dev.hermitcloud.gce;

/** Names in the resource URLs and paths Compute Engine answers with. */
final class UrlNames {
  private UrlNames() {}

  /** The last segment: the name in {@code .../global/instanceTemplates/web-v1}. */
  static String nameIn(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
