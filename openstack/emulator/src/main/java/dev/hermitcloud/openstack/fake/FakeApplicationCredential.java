package dev.hermitcloud.openstack.fake;

/** A Keystone application credential: authenticates as its user, always scoped to its project. */
record FakeApplicationCredential(
    String id, String name, String secret, FakeUser user, FakeProject project) {}
