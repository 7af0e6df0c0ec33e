package dev.hermitcloud;

import java.util.Optional;

/** One running instance of a deployment: its name and addresses. */
public record DeployedInstance(String name, Optional<String> address, Optional<String> privateAddress,
    Optional<String> machineType) {}
