package dev.hermitcloud.openstack.fake;

/** A Keystone project of the fake. */
record FakeProject(String id, String name, String domain) {}
