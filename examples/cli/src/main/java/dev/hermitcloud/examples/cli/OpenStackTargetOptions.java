package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeOpenStack;
import dev.hermitcloud.openstack.ImageFormat;
import dev.hermitcloud.openstack.OpenStack;
import dev.hermitcloud.openstack.ServerGroupPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The OpenStack target's options, shared by {@code hermit --target openstack} and the example programs. */
public final class OpenStackTargetOptions {
  @Option(names = "--cloud", description = "openstack: the cloud's entry in clouds.yaml (default: OS_CLOUD, else the OS_* variables).")
  String cloud;

  @Option(names = "--clouds-yaml", description = "openstack: the clouds.yaml to read (default: ./, ~/.config/openstack/, /etc/openstack/); without --cloud, its only cloud.")
  Path cloudsYaml;

  @Option(names = "--network", description = "openstack: the tenant network (default: the project's only one).")
  String network;

  @Option(names = "--floating-ip-network", description = "openstack: give each machine a floating IP from this external network.")
  String floatingIpNetwork;

  @Option(names = "--server-group", paramLabel = "POLICY", description = "openstack: boot the machines into a server group"
      + " of this policy, affinity or anti-affinity (one compute host each); none by default.")
  String serverGroup;

  @Option(names = "--image-format", defaultValue = "QCOW2", description = "openstack: QCOW2 or RAW (for Ceph-backed clouds; default: ${DEFAULT-VALUE}).")
  ImageFormat imageFormat;

  /**
   * The configured cloud, or with a {@code fake} value the fake OpenStack it points at (floating IPs from
   * 'public'): {@code --fake=URL} the one {@code hermit fake-openstack} printed, {@code --fake} alone the one on
   * its default port, else one in this process.
   *
   * @param fake the {@code --fake} value ({@link dev.hermitcloud.examples.fake.FakeEndpoint#AUTO} or a URL), or
   *     null for the configured cloud
   */
  public OpenStack build(CommandSpec spec, String fake) {
    OpenStack openstack;
    if (fake != null) {
      if (cloud != null || cloudsYaml != null) {
        throw new ParameterException(spec.commandLine(), "--fake: the fake has its own settings; drop --cloud and --clouds-yaml");
      }
      try {
        openstack = SharedFakeOpenStack.target(fake);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      openstack = openstack.floatingIpFrom(floatingIpNetwork == null ? "public" : floatingIpNetwork);
    } else {
      openstack = cloud == null ? OpenStack.fromEnvironment() : OpenStack.cloud(cloud);
      if (cloudsYaml != null) {
        openstack = openstack.cloudsYaml(cloudsYaml);
      }
      if (floatingIpNetwork != null) {
        openstack = openstack.floatingIpFrom(floatingIpNetwork);
      }
    }
    if (network != null) {
      openstack = openstack.network(network);
    }
    if (serverGroup != null) {
      openstack = openstack.serverGroup(policy(spec, serverGroup));
    }
    return openstack.imageFormat(imageFormat);
  }

  /** A policy as Nova spells it ({@code anti-affinity}), or as the enum does. */
  private static ServerGroupPolicy policy(CommandSpec spec, String value) {
    for (ServerGroupPolicy p : ServerGroupPolicy.values()) {
      if (p.nova().equalsIgnoreCase(value) || p.name().equalsIgnoreCase(value)) {
        return p;
      }
    }
    throw new ParameterException(spec.commandLine(), "--server-group: '" + value
        + "' is not a policy: use affinity or anti-affinity (the soft policies need a compute microversion the SDK does not use)");
  }

  /** The {@code --cloud} given, if any, for messages that tell the user how to come back. */
  public String cloud() {
    return cloud;
  }
}
