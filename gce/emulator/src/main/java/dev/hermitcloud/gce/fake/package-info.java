/**
 * A fake of Google Compute Engine and Cloud Storage that speaks their REST wire protocol, for tests
 * that drive the real {@code google-cloud-compute} and {@code google-cloud-storage} clients over
 * HTTP on 127.0.0.1. Built on the emulator kit ({@code dev.hermitcloud.emulator}): this package
 * holds only what Google's APIs do (resources, validation, operations, the error body).
 *
 * <p>Entry points: {@link dev.hermitcloud.gce.fake.FakeGce} (start, state, stats, faults), {@link
 * dev.hermitcloud.gce.fake.FakeGceClients} (real clients pointed at it), {@link
 * dev.hermitcloud.gce.fake.GceFaults} (Google's faults for the kit's {@code FaultRule}), {@link
 * dev.hermitcloud.gce.fake.RouteTemplates} (the route names stats count and rules match).
 *
 * <p>Standalone: {@code hermit fake-gce}, or {@link dev.hermitcloud.gce.fake.FakeGceMain} on this
 * module's runtime class path ({@code --port 8089 --bucket my-bucket --app-stand-in}).
 */
package dev.hermitcloud.gce.fake;
