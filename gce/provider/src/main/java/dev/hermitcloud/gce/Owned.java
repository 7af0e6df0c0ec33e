package dev.hermitcloud.gce;

import dev.hermitcloud.resource.Observed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A driver's {@code listOwned}: what a list returned, as observed, keeping what the deployment's marks
 * claim. Lists that filter on labels still pass here, since a filter is the cloud's and the marks are the
 * SDK's final word; lists of kinds without labels (marks in the description) rely on it alone.
 */
final class Owned {
  private Owned() {}

  static <T> List<Observed> of(Iterable<T> listed, Function<T, Observed> observe, String deployment) {
    List<Observed> owned = new ArrayList<>();
    for (T resource : listed) {
      Observed observed = observe.apply(resource);
      if (observed.ownedBy(deployment)) {
        owned.add(observed);
      }
    }
    return owned;
  }

  /**
   * The description of a resource without labels, {@code hermit-cloud <what> of deployment <name>} and its
   * marks, which {@link dev.hermitcloud.resource.Ownership#fromDescription} reads back.
   */
  static String description(String what, String deployment, dev.hermitcloud.resource.Ownership marks) {
    return "hermit-cloud " + what + " of deployment " + deployment + " " + marks.toDescriptionLine();
  }
}
