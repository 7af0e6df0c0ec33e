package dev.hermitcloud.provider;

/**
 * Where a deployment goes: {@code Gce.project(...)}, {@code OpenStack.cloud(...)} or {@code Local.qemu()}.
 * A target is a description; {@link #connect()} opens the connection (and reads credentials).
 */
public interface Target {
  /** A short description for plans, events and errors, such as {@code gce:my-project/us-central1-c}. Never contains secrets. */
  String describe();

  /** Opens a connection to the cloud. The caller closes it. */
  Provider connect() throws Exception;
}
