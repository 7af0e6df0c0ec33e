package dev.hermitcloud.gce;

import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.internal.validation.Check;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network and subnetwork a deployment names, in any form Compute Engine takes: a name, a partial URL
 * ({@code global/networks/N}, {@code projects/P/global/networks/N}; {@code regions/R/subnetworks/S},
 * {@code projects/P/regions/R/subnetworks/S}) or the full URL
 * (https://cloud.google.com/compute/docs/reference/rest/v1/instances, networkInterfaces[].network and
 * .subnetwork). Both must be in the target's project and the subnetwork in the zone's region.
 *
 * <p>Example: {@code GceNetworkRefs.network(target, Optional.of("vpc-a"))} is {@code "vpc-a"}.
 */
final class GceNetworkRefs {
  static final String DEFAULT_NETWORK = "default";

  private static final String URL_PREFIX = "(?:https://(?:www|compute)\\.googleapis\\.com/compute/v1/)?";
  private static final Pattern NETWORK = Pattern.compile(URL_PREFIX + "(?:projects/([^/]+)/)?global/networks/([^/]+)");
  private static final Pattern SUBNETWORK =
      Pattern.compile(URL_PREFIX + "(?:projects/([^/]+)/)?regions/([^/]+)/subnetworks/([^/]+)");

  private GceNetworkRefs() {}

  /** The network's name, checked; {@code default} when none is named. */
  static String network(Gce target, java.util.Optional<String> given) {
    if (given.isEmpty()) {
      return DEFAULT_NETWORK;
    }
    String value = given.get();
    if (!value.contains("/")) {
      return Check.name("deployment.network", value);
    }
    Matcher m = NETWORK.matcher(value);
    if (!m.matches()) {
      throw new InvalidSpecException("deployment.network", value,
          "is not a network: give its name, global/networks/NAME or projects/PROJECT/global/networks/NAME");
    }
    sameProject(target, "deployment.network", value, m.group(1));
    return Check.name("deployment.network", m.group(2));
  }

  /** The subnetwork's name, checked against the zone's region. */
  static String subnetwork(Gce target, String value) {
    if (!value.contains("/")) {
      return Check.name("target.subnetwork", value);
    }
    Matcher m = SUBNETWORK.matcher(value);
    if (!m.matches()) {
      throw new InvalidSpecException("target.subnetwork", value,
          "is not a subnetwork: give its name, regions/REGION/subnetworks/NAME or its full URL");
    }
    sameProject(target, "target.subnetwork", value, m.group(1));
    if (!m.group(2).equals(region(target))) {
      throw new InvalidSpecException("target.subnetwork", value, "is in region " + m.group(2) + ", but zone "
          + target.zone() + " is in " + region(target) + ": name a subnetwork of " + region(target));
    }
    return Check.name("target.subnetwork", m.group(3));
  }

  /** {@code us-central1} for {@code us-central1-c}. */
  static String region(Gce target) {
    return target.zone().substring(0, target.zone().lastIndexOf('-'));
  }

  /** The partial URL instances and firewalls name the network by. */
  static String networkPath(Gce target, java.util.Optional<String> given) {
    return "global/networks/" + network(target, given);
  }

  /** The partial URL an instance names its subnetwork by. */
  static String subnetworkPath(Gce target, String subnetwork) {
    return "regions/" + region(target) + "/subnetworks/" + subnetwork;
  }

  private static void sameProject(Gce target, String field, String value, String project) {
    if (project != null && !project.equals(target.project())) {
      // a Shared VPC host project would need the firewall there too; not supported yet
      throw new InvalidSpecException(field, value, "is in project " + project + ", not in " + target.project()
          + ": Shared VPC networks of another project are not supported; use a network of " + target.project());
    }
  }
}
