package dev.hermitcloud.examples.cli;

import dev.hermitcloud.local.Accelerator;
import dev.hermitcloud.local.Local;
import dev.hermitcloud.local.NicModel;
import dev.hermitcloud.examples.fake.FakeEndpoint;
import dev.hermitcloud.examples.fake.SharedFakeGce;
import dev.hermitcloud.examples.fake.SharedFakeOpenStack;
import dev.hermitcloud.provider.Target;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where to deploy: {@code --target local|gce|openstack}, with each target's own options. */
final class TargetOptions {
  @Option(names = "--target", defaultValue = "local", description = "local, gce or openstack (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(names = "--state-dir", description = "local: where images, logs and instance records live.")
  Path stateDir;

  @Option(names = "--nic", defaultValue = "VIRTIO", description = "local: VIRTIO, RTL8139 or E1000 (default: ${DEFAULT-VALUE}).")
  NicModel nic;

  @Option(names = "--accel", defaultValue = "AUTO", description = "local: AUTO, KVM or TCG (default: ${DEFAULT-VALUE}).")
  Accelerator accelerator;

  @Option(names = "--fake", arity = "0..1", fallbackValue = FakeEndpoint.AUTO, paramLabel = "URL",
      description = "gce, openstack: run against a fake: --fake=URL the one 'hermit fake-gce' or 'hermit fake-openstack' printed;"
          + " --fake alone the one on its default port (gce " + SharedFakeGce.PORT + ", openstack " + SharedFakeOpenStack.PORT
          + ") if it runs, else a fake started in this process.")
  String fake;

  @Mixin
  GceTargetOptions gce;

  @Mixin
  OpenStackTargetOptions openstack;

  Target build(picocli.CommandLine.Model.CommandSpec spec) {
    switch (target) {
      case "local": {
        Local local = Local.qemu().nic(nic).accelerator(accelerator);
        return stateDir == null ? local : local.stateDir(stateDir);
      }
      case "openstack":
        return openstack.build(spec, fake);
      case "gce":
        return gce.build(spec, fake);
      default:
        throw new ParameterException(spec.commandLine(), "--target: '" + target + "' is not a target: use local, gce or openstack");
    }
  }
}
