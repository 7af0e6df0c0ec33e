/**
 * An in-process fake OpenStack for tests: Keystone v3, Glance v2, Nova 2.1 and Neutron 2.0 on one
 * HTTP server bound to 127.0.0.1, speaking the real REST wire protocol so that the real openstack4j
 * client can be driven against it. Built on the emulator kit ({@code dev.hermitcloud.emulator}):
 * this package holds only what OpenStack does (resources, validation, error shapes, tokens).
 *
 * <p>Start one with {@link dev.hermitcloud.openstack.fake.FakeOpenStack#builder()}, arm fault rules
 * with {@link dev.hermitcloud.openstack.fake.FakeOpenStack#faults()} and cloud-side failures with
 * {@link dev.hermitcloud.openstack.fake.FakeOpenStack#failures()}, and inspect request counts,
 * creation counts and resources on the same object. Run it standalone with {@code hermit
 * fake-openstack --port N}, or {@link dev.hermitcloud.openstack.fake.FakeOpenStackMain}.
 *
 * <p>Addresses: fixed IPs come from the tenant network {@code private} (127.0.2.0/24) and
 * floating IPs from the external network {@code public} (127.0.1.0/24, first 127.0.1.2), so
 * everything a test reaches stays on loopback. The app stand-in answers on both.
 *
 * <p>What openstack4j 3.12 does against it (pinned by {@code Openstack4jErrorMappingTest},
 * {@code Openstack4jTransportFaultTest}, {@code KeystoneWireTest}, {@code GlanceWireTest}):
 *
 * <ul>
 *   <li>A 401 makes it re-authenticate once with the stored credentials and retry; a second 401
 *       is an {@code AuthenticationException}.
 *   <li>GET of a missing resource returns null; delete returns a failed {@code ActionResponse}
 *       with code 404 (a security group rule delete returns void and swallows it).
 *   <li>Other 4xx on reads and creates throw {@code ClientResponseException} with the status
 *       (409, 413, 429), 5xx throw {@code ServerResponseException}; Retry-After is not exposed.
 *   <li>{@code servers().delete()} reports success for 429 and 503 (only 400-409 and 500 count
 *       as failures there).
 *   <li>The Apache HTTP client silently retries a reset GET or DELETE up to 3 times; a reset
 *       POST is a {@code ConnectionException}; a body cut short escapes as JAX-RS {@code
 *       ProcessingException}; the configured read timeout does not bound a slow answer.
 *   <li>Glance image update sends its JSON patch as {@code application/json}, which Glance (and
 *       the fake) refuse with 415; {@code floatingip().associateToPort} fails inside the client.
 *   <li>Sessions are thread-local: on another thread use {@code OSFactory.clientFromToken(token)},
 *       which re-authenticates with the token's stored password credentials when needed.
 *   <li>There is no application-credential authentication; a token obtained over plain HTTP can
 *       be wrapped with {@code OSFactory.clientFromToken}, but once it expires openstack4j's
 *       re-authentication fails inside the client ({@code ConnectionException}, status 0).
 * </ul>
 */
package dev.hermitcloud.openstack.fake;
