package dev.hermitcloud.gce.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The GCS object an image's {@code rawDisk.source} names. GCE takes only the documented form {@code
 * https://storage.googleapis.com/BUCKET/OBJECT} ("The following are valid formats for the URL",
 * https://cloud.google.com/compute/docs/reference/rest/v1/images: rawDisk.source); anything else,
 * {@code gs://} included, is refused at insert with the answer quoted in
 * https://github.com/googleapis/google-api-go-client/issues/178.
 */
record ImageSource(String bucket, String object) {
  private static final String[] PREFIXES = {"https://storage.googleapis.com/"};

  static ImageSource parse(String url) {
    if (url == null || url.isBlank()) {
      throw GoogleErrors.invalidField("resource.rawDisk.source", url,
          "The image source must be specified.");
    }
    for (String prefix : PREFIXES) {
      if (url.startsWith(prefix)) {
        String rest = url.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash > 0 && slash < rest.length() - 1) {
          String object = URLDecoder.decode(
              rest.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
          return new ImageSource(rest.substring(0, slash), object);
        }
      }
    }
    throw GoogleErrors.invalidField("resource.id", "0",
        "The provided source location was not a valid Google Cloud Storage object reference.");
  }

  @Override
  public String toString() {
    return "https://storage.googleapis.com/" + bucket + "/" + object;
  }
}
