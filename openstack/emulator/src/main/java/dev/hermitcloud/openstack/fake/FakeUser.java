package dev.hermitcloud.openstack.fake;

/** A Keystone user of the fake; every user is a member of every project. */
record FakeUser(String id, String name, String domain, String password) {}
