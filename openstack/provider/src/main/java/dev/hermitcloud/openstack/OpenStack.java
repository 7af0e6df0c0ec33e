package dev.hermitcloud.openstack;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.resource.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Deploys to an OpenStack cloud: {@code Hermit.deploy(u).to(OpenStack.cloud("mycloud")).apply()}.
 *
 * <pre>{@code
 * OpenStack.cloud("mycloud")                 // clouds.yaml: ./, ~/.config/openstack/, /etc/openstack/
 *     .network("private")                    // else the project's only tenant network
 *     .floatingIpFrom("public")              // a floating IP per machine, from this external network
 *     .serverGroup(ServerGroupPolicy.ANTI_AFFINITY) // count(n) servers on n compute hosts
 *     .imageFormat(ImageFormat.RAW);         // for Ceph-backed clouds; qcow2 by default
 * OpenStack.fromEnvironment();               // OS_AUTH_URL, OS_USERNAME, ... as an openrc file sets them
 * }</pre>
 *
 * <p>Keystone v3 only, with a password or an application credential. The settings are read when
 * {@link #connect()} is called, and the first cloud call authenticates. Secrets are never part of
 * {@link #toString()}, {@link #describe()}, messages or progress events.
 */
@Value.Immutable
public abstract class OpenStack implements Target {
  /**
   * The kind of a server's floating IP, a resource of its own on OpenStack: named after its server, made
   * once the server is ACTIVE, released before the server goes.
   */
  public static final ResourceKind FLOATING_IP = ResourceKind.of("floating-ip", Duration.ofMinutes(5), ResourceKind.INSTANCE);

  /**
   * The kind of the deployment's server group ({@link #serverGroup(ServerGroupPolicy)}), which its servers
   * are booted into; a group may go while servers are still in it, so it uses nothing.
   */
  public static final ResourceKind SERVER_GROUP = ResourceKind.of("server-group", Duration.ofMinutes(5));

  /** The cloud's entry in clouds.yaml; empty when the OS_* variables describe the cloud. */
  public abstract Optional<String> cloudName();

  /** The clouds.yaml to read instead of searching the standard places. */
  public abstract Optional<Path> cloudsYaml();

  /** The OS_* variables to use instead of this process's environment. */
  @Value.Redacted
  public abstract Optional<Map<String, String>> variables();

  /** The region, overriding the one clouds.yaml or {@code OS_REGION_NAME} gives. */
  public abstract Optional<String> region();

  /** The tenant network machines attach to, by name or id; by default the project's only one. */
  public abstract Optional<String> network();

  /** The external network to allocate a floating IP per machine from; none by default. */
  public abstract Optional<String> floatingIpNetwork();

  /** The policy of the server group the deployment's servers are booted into; none (no group) by default. */
  public abstract Optional<ServerGroupPolicy> serverGroup();

  @Value.Default
  public ImageFormat imageFormat() {
    return ImageFormat.QCOW2;
  }

  /** The cloud named {@code name} in clouds.yaml. */
  public static OpenStack cloud(String name) {
    return ImmutableOpenStack.builder().cloudName(Check.oneLine("openstack.cloud", name, 255)).build();
  }

  /**
   * The cloud the process's {@code OS_*} variables describe; {@code OS_CLOUD} names a clouds.yaml entry
   * instead, as with the {@code openstack} command.
   */
  public static OpenStack fromEnvironment() {
    return ImmutableOpenStack.builder().build();
  }

  /** The cloud these {@code OS_*} variables describe (other names are ignored). */
  public static OpenStack fromEnvironment(Map<String, String> variables) {
    return ImmutableOpenStack.builder().variables(Map.copyOf(Check.required("openstack.variables", variables))).build();
  }

  public OpenStack cloudsYaml(Path file) {
    return ImmutableOpenStack.builder().from(this).cloudsYaml(Check.required("openstack.cloudsYaml", file)).build();
  }

  public OpenStack region(String region) {
    return ImmutableOpenStack.builder().from(this).region(Check.oneLine("openstack.region", region, 255)).build();
  }

  public OpenStack network(String network) {
    return ImmutableOpenStack.builder().from(this).network(Check.oneLine("openstack.network", network, 255)).build();
  }

  /** Gives each machine a floating IP from {@code externalNetwork} (name or id), released on destroy. */
  public OpenStack floatingIpFrom(String externalNetwork) {
    return ImmutableOpenStack.builder().from(this)
        .floatingIpNetwork(Check.oneLine("openstack.floatingIpFrom", externalNetwork, 255)).build();
  }

  /**
   * Boots the deployment's servers into a Nova server group of this policy, which the deployment owns
   * ({@code hermit-<deployment>-<policy>}): with {@code count(n)}, {@link ServerGroupPolicy#ANTI_AFFINITY}
   * puts each server on its own compute host. A server Nova cannot place so fails the apply with Nova's
   * reason. Changing the policy replaces the group and, since Nova places a server only when it boots,
   * the servers.
   */
  public OpenStack serverGroup(ServerGroupPolicy policy) {
    return ImmutableOpenStack.builder().from(this).serverGroup(Check.required("openstack.serverGroup", policy)).build();
  }

  public OpenStack imageFormat(ImageFormat format) {
    return ImmutableOpenStack.builder().from(this).imageFormat(Check.required("openstack.imageFormat", format)).build();
  }

  @Override
  public String describe() {
    return "openstack:" + cloudName().orElse("OS_*") + region().map(r -> "/" + r).orElse("");
  }

  @Override
  public Provider connect() {
    return new OpenStackProvider(this, config());
  }

  /** Reads the cloud's settings now: from clouds.yaml or from the variables. */
  CloudConfig config() {
    Map<String, String> environment = variables().orElseGet(System::getenv);
    Optional<String> name = cloudName().or(() -> Optional.ofNullable(environment.get("OS_CLOUD")).filter(n -> !n.isBlank()));
    if (name.isEmpty() && cloudsYaml().isPresent()) {
      // a file given by hand is meant to be read: its only cloud, or an error naming its clouds, never the OS_* variables
      name = Optional.of(CloudsYaml.onlyCloud(cloudsYaml().get()));
    }
    if (name.isEmpty()) {
      if (!environment.containsKey("OS_AUTH_URL")) {
        throw new InvalidSpecException("openstack", describe(), "has no settings: set OS_AUTH_URL and the other OS_* "
            + "variables (source your openrc file), set OS_CLOUD, or name a cloud of a clouds.yaml with",
            Fix.set("openstack.cloud", "NAME").java("OpenStack.cloud(\"name\")"));
      }
      return OsVariables.read(environment);
    }
    Optional<Path> file = cloudsYaml().or(() -> Optional.ofNullable(environment.get("OS_CLIENT_CONFIG_FILE")).map(Path::of));
    return file.isPresent() ? CloudsYaml.read(name.get(), file.get()) : CloudsYaml.read(name.get(), CloudsYaml.searchPath());
  }
}
