/**
 * An in-process fake of Google Compute Engine and Cloud Storage that speaks their REST wire
 * protocol, for tests that drive the real {@code google-cloud-compute} and {@code
 * google-cloud-storage} clients over HTTP on 127.0.0.1.
 *
 * <p>Entry points: {@link dev.hermitcloud.gce.fake.FakeGce} (start, state, stats, faults), {@link
 * dev.hermitcloud.gce.fake.FakeGceClients} (real clients pointed at it), {@link
 * dev.hermitcloud.gce.fake.FaultRule} / {@link dev.hermitcloud.gce.fake.Fault} (misbehaviour),
 * {@link dev.hermitcloud.gce.fake.FakeStats} (what was asked), {@link
 * dev.hermitcloud.gce.fake.RouteTemplates} (route names for both).
 *
 * <p>Standalone, from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -pl gce -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/fake-gce.cp -Dmdep.includeScope=test
 * java -cp "gce/target/test-classes:gce/target/classes:$(cat gce/target/fake-gce.cp)" \
 *     dev.hermitcloud.gce.fake.FakeGceMain --port 8089 --bucket my-bucket --app-stand-in
 * </pre>
 */
package dev.hermitcloud.gce.fake;
