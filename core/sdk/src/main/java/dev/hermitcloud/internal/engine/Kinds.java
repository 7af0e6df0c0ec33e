package dev.hermitcloud.internal.engine;

import dev.hermitcloud.provider.GroupMembers;
import dev.hermitcloud.provider.ListReads;
import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The provider's drivers by kind, each behind the {@link Translation} boundary. */
final class Kinds {
  private final Map<ResourceKind, ResourceDriver<ResourceSpec>> drivers = new LinkedHashMap<>();
  private final Map<ResourceKind, ListReads> lists = new LinkedHashMap<>();
  private final Map<ResourceKind, GroupMembers> members = new LinkedHashMap<>();
  private final String provider;

  Kinds(Provider provider, Translation translation) {
    this.provider = provider.name();
    for (ResourceDriver<?> driver : provider.drivers()) {
      if (drivers.put(driver.kind(), translation.driver(driver)) != null) {
        throw new IllegalStateException(provider.name() + " has two drivers for " + driver.kind().label() + "s");
      }
      if (driver instanceof ListReads reads) {
        lists.put(driver.kind(), translation.lists(reads));
      }
      if (driver instanceof GroupMembers group) {
        members.put(driver.kind(), translation.members(group));
      }
    }
  }

  /** The driver for {@code kind}, if the provider has that kind. */
  Optional<ResourceDriver<ResourceSpec>> of(ResourceKind kind) {
    return Optional.ofNullable(drivers.get(kind));
  }

  /** The driver for a kind the provider must have, since one of its specs is of that kind. */
  ResourceDriver<ResourceSpec> require(ResourceKind kind) {
    return of(kind).orElseThrow(() -> new IllegalStateException(provider + " has no " + kind.label() + " driver"));
  }

  /** The kind's {@link ListReads}, translated, if its driver has that capability. */
  Optional<ListReads> lists(ResourceKind kind) {
    return Optional.ofNullable(lists.get(kind));
  }

  /** The kind's {@link GroupMembers}, translated, if its resources are groups the cloud fills with machines. */
  Optional<GroupMembers> members(ResourceKind kind) {
    return Optional.ofNullable(members.get(kind));
  }

  /** Every driver, in the provider's order. */
  Collection<ResourceDriver<ResourceSpec>> all() {
    return drivers.values();
  }
}
