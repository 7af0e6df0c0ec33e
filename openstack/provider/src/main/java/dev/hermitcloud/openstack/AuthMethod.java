package dev.hermitcloud.openstack;

/** How Keystone is asked for a token. */
enum AuthMethod {
  /** Keystone v3 {@code password}: a user, its password, and a project to scope to. */
  PASSWORD,
  /** Keystone v3 {@code application_credential}: an id (or a name and user) and a secret; scoped by itself. */
  APPLICATION_CREDENTIAL
}
