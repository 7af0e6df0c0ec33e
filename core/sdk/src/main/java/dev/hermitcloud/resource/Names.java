package dev.hermitcloud.resource;

/**
 * The deterministic names of a deployment's resources. Re-runs find their resources again by these
 * names, and {@code destroy} by the ownership marks.
 */
public final class Names {
  /** The characters the longest suffix below adds to a deployment name. */
  public static final int LONGEST_SUFFIX = 17;

  private Names() {}

  /** {@code <deployment>-<12 hex of the content hash>}. */
  public static String image(String deployment, String contentFingerprint) {
    return deployment + "-" + contentFingerprint.substring(0, 12);
  }

  /** The archive an image is imported from. */
  public static String blob(String imageName) {
    return "hermit/" + imageName + ".tar.gz";
  }

  /** The firewall, or security group, of the deployment. */
  public static String firewall(String deployment) {
    return "hermit-" + deployment;
  }

  /** The network tag that scopes the firewall to the deployment's instances. */
  public static String networkTag(String deployment) {
    return "hermit-" + deployment;
  }

  /** {@code <deployment>} for a single instance, {@code <deployment>-<index>} for several. */
  public static String instance(String deployment, int index, int count) {
    return count == 1 ? deployment : deployment + "-" + index;
  }

  /**
   * The second name of an instance, {@code <instance>-b}, that its replacement is created under while it
   * still serves; the replacement after that takes the first name again.
   */
  public static String otherSide(String instance) {
    return instance + "-b";
  }
}
