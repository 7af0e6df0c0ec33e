package dev.hermitcloud.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short stable hash of a spec's parts, stored on the resource in the cloud so that the next run can tell
 * "unchanged" from "changed" without a local state file. Sixteen hex digits fit every cloud's label rules.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** Hashes the parts in order; maps are hashed in key order so their iteration order does not matter. */
  public static String of(Object... parts) {
    MessageDigest digest = sha256();
    for (Object part : parts) {
      Object stable = part instanceof Map<?, ?> map ? new TreeMap<>(map) : part;
      byte[] bytes = String.valueOf(stable).getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}
