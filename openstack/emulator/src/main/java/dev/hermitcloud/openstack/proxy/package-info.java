/**
 * A recording proxy on 127.0.0.1 in front of a real OpenStack (or the fake): the counters and the
 * fault switch the project's tests have on the fake, for a cloud that has neither. The client is
 * pointed at the proxy's Keystone; every endpoint in the catalog it is given is the proxy's.
 */
package dev.hermitcloud.openstack.proxy;
