/**
 * The OpenStack target: {@code Hermit.deploy(u).to(OpenStack.cloud("mycloud"))}. Images go to Glance
 * (qcow2, or raw for Ceph-backed clouds), ports to a Neutron security group, machines to Nova with an
 * optional floating IP, all through openstack4j with credentials from {@code clouds.yaml} or {@code
 * OS_*} variables.
 *
 * <p>openstack4j binds a session to the thread that made it, so every call here takes a client made
 * for the calling thread from one shared Keystone token, which is renewed before it expires (and, for
 * application credentials, which openstack4j cannot renew itself, after Keystone refuses it).
 */
@Value.Style(overshadowImplementation = true)
package dev.hermitcloud.openstack;

import org.immutables.value.Value;
