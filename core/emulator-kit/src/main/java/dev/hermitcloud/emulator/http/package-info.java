/**
 * The emulator's HTTP side: {@link dev.hermitcloud.emulator.http.EmulatorServer} listens on
 * 127.0.0.1, {@link dev.hermitcloud.emulator.http.Router} maps method and path template to a
 * {@link dev.hermitcloud.emulator.http.Handler}, which reads a {@link
 * dev.hermitcloud.emulator.http.Request} and answers a {@link dev.hermitcloud.emulator.http.Reply}
 * or throws an {@link dev.hermitcloud.emulator.http.ApiError}, which the cloud's {@link
 * dev.hermitcloud.emulator.http.CloudDialect} renders in its own error shape.
 */
package dev.hermitcloud.emulator.http;
