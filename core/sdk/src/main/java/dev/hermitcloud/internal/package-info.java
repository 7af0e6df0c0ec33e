/**
 * The SDK's internals: the engine, retries, health probes, host tools, time, validation helpers and GRUB's
 * command-line rules. Public only so that the SDK's own modules (providers, test kit, CLI) can share
 * them; not API: anything here may change in any release. Users need only {@code dev.hermitcloud} and
 * its non-internal packages; provider authors also {@code provider} and {@code resource}.
 */
package dev.hermitcloud.internal;
