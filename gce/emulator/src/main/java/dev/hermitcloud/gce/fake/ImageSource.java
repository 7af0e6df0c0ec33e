package dev.hermitcloud.gce.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The GCS object an image's {@code rawDisk.source} names. GCE takes {@code
 * https://storage.googleapis.com/BUCKET/OBJECT} (or {@code storage.cloud.google.com}); anything
 * else, {@code gs://} included, is refused at insert.
 */
record ImageSource(String bucket, String object) {
  private static final String[] PREFIXES = {
    "https://storage.googleapis.com/", "https://storage.cloud.google.com/"
  };

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
    throw GoogleErrors.invalidField("resource.rawDisk.source", url,
        "The URL must be a Google Cloud Storage URL such as"
            + " https://storage.googleapis.com/BUCKET/OBJECT.");
  }

  @Override
  public String toString() {
    return "https://storage.googleapis.com/" + bucket + "/" + object;
  }
}
