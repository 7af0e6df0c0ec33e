/**
 * openstack4j's HTTP connector, on the JDK's {@link java.net.http.HttpClient}: not API.
 *
 * <p>It replaces openstack4j's stock RESTEasy connector, which builds a new Apache client per request and
 * gives {@code Config.withReadTimeout} to the wait for a pooled connection instead of to the socket: a
 * request whose answer never came blocked its caller for as long as the connection stayed open (minutes,
 * seen against a real Nova). Here every request but a streamed upload has an answer deadline, and a missed
 * one is a {@code ConnectionException} the engine retries.
 */
package dev.hermitcloud.openstack.connector;
