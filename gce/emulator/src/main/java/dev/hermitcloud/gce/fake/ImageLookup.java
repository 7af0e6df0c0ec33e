package dev.hermitcloud.gce.fake;

import java.util.Comparator;
import java.util.Optional;

/** Finds images by family and resolves the image an instance's boot disk refers to. */
final class ImageLookup {
  private ImageLookup() {}

  /** The newest READY, non-deprecated image of the family. Call with the store locked. */
  static Optional<StoredResource> newestInFamily(ComputeStore store, String project, String family) {
    return store.list(ComputeKind.IMAGE, project, null).stream()
        .filter(r -> family.equals(GoogleJson.text(r.json(), "family")))
        .filter(r -> "READY".equals(r.status()))
        .filter(ImageLookup::notDeprecated)
        .max(Comparator.comparingLong(StoredResource::sequence));
  }

  /**
   * The READY image a {@code sourceImage} names ({@code projects/P/global/images/I}, a URL,
   * {@code global/images/I}, or {@code .../images/family/F}).
   */
  static StoredResource requireReady(ComputeStore store, String field, String ref, String project) {
    ResourceLinks.Ref parsed = ResourceLinks.parse(ref, project, "images");
    if (parsed == null || parsed.zone() != null) {
      throw GoogleErrors.invalidField(field, ref, "The image reference is malformed.");
    }
    StoredResource image;
    if (parsed.name().startsWith("family/")) {
      String family = parsed.name().substring("family/".length());
      image = newestInFamily(store, parsed.project(), family).orElseThrow(() ->
          GoogleErrors.notFound(ResourceLinks.globalPath(parsed.project(), "images", parsed.name())));
    } else {
      if (parsed.name().contains("/")) {
        throw GoogleErrors.invalidField(field, ref, "The image reference is malformed.");
      }
      image = store.visible(ResourceKey.global(ComputeKind.IMAGE, parsed.project(), parsed.name()));
      if (image == null) {
        throw GoogleErrors.notFound(parsed.path());
      }
    }
    if (!"READY".equals(image.status())) {
      throw GoogleErrors.notReady(image.key().path());
    }
    return image;
  }

  private static boolean notDeprecated(StoredResource r) {
    String state = r.json().path("deprecated").path("state").asText("ACTIVE");
    return state.isEmpty() || state.equals("ACTIVE");
  }
}
