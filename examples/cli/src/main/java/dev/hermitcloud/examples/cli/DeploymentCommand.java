package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeploymentDefinition;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What {@code plan} and {@code deploy} share: a target and a full deployment definition. */
abstract class DeploymentCommand {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  DeploymentOptions deployment;

  DeploymentDefinition.WithCreate definition() {
    return deployment.definition(target.build(spec));
  }
}
