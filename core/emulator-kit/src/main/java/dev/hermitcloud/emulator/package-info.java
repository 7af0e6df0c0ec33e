/**
 * The emulator kit: what every wire-level cloud emulator of hermit-cloud is built on, so that each
 * emulator holds only what its cloud does (resources, validation, error shapes, operations).
 *
 * <ul>
 *   <li>{@link dev.hermitcloud.emulator.http}: the HTTP server on 127.0.0.1, routing by method and
 *       path template, requests, replies, and the {@link dev.hermitcloud.emulator.http.CloudDialect}
 *       each cloud fills with its error shape;
 *   <li>{@link dev.hermitcloud.emulator.fault}: fault rules and the plan that decides them;
 *   <li>{@link dev.hermitcloud.emulator.admin}: the emulator's own API under {@code /_fake/};
 *   <li>{@link dev.hermitcloud.emulator.stats}: what was asked, and what was created;
 *   <li>{@link dev.hermitcloud.emulator.app}: the stand-in for the app inside each machine;
 *   <li>{@link dev.hermitcloud.emulator.net}: CIDR ranges, port ranges, the loopback client;
 *   <li>{@link dev.hermitcloud.emulator.json}, {@link dev.hermitcloud.emulator.id}, {@link
 *       dev.hermitcloud.emulator.time}: the JSON mapper, ids, timestamps and waiting;
 *   <li>{@link dev.hermitcloud.emulator.client}: plain HTTP calls for tests that must see the wire.
 * </ul>
 *
 * <p>It deliberately does not use the SDK's own types (such as {@code dev.hermitcloud.spec.Cidr}):
 * an emulator checks what the SDK sends, so it must not share the SDK's reading of it.
 */
package dev.hermitcloud.emulator;
