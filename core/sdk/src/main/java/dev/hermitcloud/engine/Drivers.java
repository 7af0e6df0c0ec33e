package dev.hermitcloud.engine;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.ResourceDriver;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.resource.ResourceSpec;
import java.util.Optional;

/** The provider's driver for a kind, typed loosely so the engine can treat every kind alike. */
final class Drivers {
  private Drivers() {}

  @SuppressWarnings("unchecked")
  static Optional<ResourceDriver<ResourceSpec>> of(Provider provider, ResourceKind kind) {
    Optional<? extends ResourceDriver<? extends ResourceSpec>> driver = switch (kind) {
      case BLOB -> provider.blobs();
      case IMAGE -> Optional.of(provider.images());
      case FIREWALL -> provider.firewalls();
      case INSTANCE -> Optional.of(provider.instances());
    };
    return driver.map(d -> (ResourceDriver<ResourceSpec>) d);
  }

  static ResourceDriver<ResourceSpec> require(Provider provider, ResourceKind kind) {
    return of(provider, kind).orElseThrow(() ->
        new IllegalStateException(provider.name() + " has no " + kind.label() + " driver"));
  }
}
