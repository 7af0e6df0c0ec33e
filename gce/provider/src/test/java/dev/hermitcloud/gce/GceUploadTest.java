package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.compute.v1.ImagesClient;
import dev.hermitcloud.Deployment;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.gce.fake.FakeGceClients;
import dev.hermitcloud.gce.fake.FakeObject;
import dev.hermitcloud.gce.fake.GceFaults;
import dev.hermitcloud.gce.fake.RouteTemplates;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.plan.Action;
import dev.hermitcloud.plan.Plan;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.unikernel.Unikernel;
import dev.hermitcloud.InvalidSpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk archive's way into Cloud Storage: streamed, resumed, skipped, and the bucket it needs. */
class GceUploadTest {
  @TempDir
  Path dir;

  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private FakeGce fake;

  @BeforeEach
  void start() throws IOException {
    fake = GceFixture.fake().start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anUploadResumesFromTheCommittedOffsetAfterAChunkIsCutOff() throws IOException {
    Unikernel echo = GceFixture.unikernel(dir, "echo", 3 * 1024 * 1024, 5);
    byte[] archive = archive(echo);
    FaultRule cut = fake.faults().add(FaultRule.on("PUT", RouteTemplates.OBJECT_UPLOADS).skipFirst(1)
        .inject(GceFaults.uploadChunkLost(0.5)));

    GceFixture.deploy(echo, GceFixture.target(fake).uploadChunkBytes(1024 * 1024), events).apply().close();

    assertThat(cut.fired()).isEqualTo(1);
    FakeObject stored = fake.objects(GceFixture.BUCKET).get(0);
    assertThat(stored.bytes()).isEqualTo(archive);
    assertThat(fake.stats().creations("object", GceFixture.BUCKET + "/" + stored.name())).isEqualTo(1);
    // Four chunk PUTs, the cut one resent from the committed offset after a status query.
    assertThat(fake.stats().requests("PUT", RouteTemplates.OBJECT_UPLOADS)).isGreaterThanOrEqualTo(5);
    // the archive's resumable upload, and the deployment's lock (one multipart write)
    assertThat(fake.stats().requests("POST", RouteTemplates.OBJECT_UPLOADS)).isEqualTo(2);
    assertThat(events).noneMatch(e -> e instanceof ProgressEvent.RetryScheduled r && r.call().startsWith("create blob"));
    assertThat(events).filteredOn(e -> e instanceof ProgressEvent.BytesTransferred).last()
        .isEqualTo(new ProgressEvent.BytesTransferred(ResourceKind.BLOB, stored.name(), archive.length, archive.length));
    assertThat(stored.metadata()).containsEntry("hermit-deployment", "echo");
  }

  @Test
  void anArchiveAlreadyInTheBucketIsNotUploadedAgain() throws IOException {
    Unikernel echo = GceFixture.unikernel(dir, "echo", 64 * 1024, 1);
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    String image = fake.images(GceFixture.PROJECT).get(0).name();
    try (ImagesClient images = FakeGceClients.images(fake)) {
      images.deleteAsync(GceFixture.PROJECT, image).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    fake.stats().reset();

    Plan plan = GceFixture.deploy(echo, GceFixture.target(fake), events).plan();
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();

    assertThat(plan.changes()).filteredOn(c -> c.kind() == ResourceKind.BLOB).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.KEEP));
    assertThat(plan.change(ResourceKind.IMAGE, image).orElseThrow().action()).isEqualTo(Action.CREATE);
    // only the deployment's lock is written (one multipart upload); the archive is not sent again
    assertThat(fake.stats().requests("POST", RouteTemplates.OBJECT_UPLOADS)).isEqualTo(1);
    assertThat(fake.stats().requests("PUT", RouteTemplates.OBJECT_UPLOADS)).isZero();
    assertThat(fake.image(GceFixture.PROJECT, image).orElseThrow().status()).isEqualTo("READY");
  }

  @Test
  void anArchiveThatAppearsDuringTheUploadIsKeptWhenSizeAndCrc32cMatch() throws IOException {
    Unikernel echo = GceFixture.unikernel(dir, "echo", 64 * 1024, 1);
    GceFixture.deploy(echo, GceFixture.target(fake), events).apply().close();
    FakeObject first = fake.objects(GceFixture.BUCKET).get(0);
    String image = fake.images(GceFixture.PROJECT).get(0).name();
    try (ImagesClient images = FakeGceClients.images(fake)) {
      images.deleteAsync(GceFixture.PROJECT, image).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    // The plan's read misses the object, as if it were written just after: the upload then meets it.
    // (the first GET of an object is the lock's, taken before the plan)
    fake.faults().add(FaultRule.on("GET", RouteTemplates.OBJECT).skipFirst(1).inject(GceFaults.httpError(404, "notFound", "No such object")));

    Plan plan = GceFixture.deploy(echo, GceFixture.target(fake), events).apply().plan();

    assertThat(plan.changes()).filteredOn(c -> c.kind() == ResourceKind.BLOB).singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo(Action.CREATE));
    FakeObject kept = fake.object(GceFixture.BUCKET, first.name()).orElseThrow();
    assertThat(kept.generation()).isEqualTo(first.generation());
    assertThat(fake.stats().creations("object", GceFixture.BUCKET + "/" + first.name())).isEqualTo(1);
    assertThat(fake.image(GceFixture.PROJECT, image).orElseThrow().status()).isEqualTo("READY");
  }

  @Test
  void aMissingBucketIsAnErrorNamingTheBucketAndTheFixBeforeAnyChange() throws IOException {
    Unikernel echo = GceFixture.unikernel(dir, "echo", 64 * 1024, 1);
    Gce target = Gce.project(GceFixture.PROJECT).zone(GceFixture.ZONE).bucket("no-such-bucket").endpoint(fake.endpoint());

    assertThatThrownBy(() -> GceFixture.deploy(echo, target, events).apply())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("target.bucket"))
        .hasMessageContaining("no-such-bucket").hasMessageContaining("createBucket");
    assertThat(fake.stats().mutatingRequests()).isZero();
  }

  @Test
  void aMissingBucketIsCreatedWhenAsked() throws IOException {
    Unikernel echo = GceFixture.unikernel(dir, "echo", 64 * 1024, 1);
    Gce target = Gce.project(GceFixture.PROJECT).zone(GceFixture.ZONE).bucket("fresh-bucket").endpoint(fake.endpoint())
        .createBucket("us-central1");

    try (Deployment d = GceFixture.deploy(echo, target, events).apply()) {
      assertThat(d.instances()).hasSize(1);
    }

    assertThat(fake.buckets()).contains("fresh-bucket");
    assertThat(fake.objects("fresh-bucket")).hasSize(1);
    assertThat(fake.stats().creations("bucket", "fresh-bucket")).isEqualTo(1);
  }

  private static byte[] archive(Unikernel unikernel) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DiskImage.of(unikernel, 1).writeGceArchive(out);
    return out.toByteArray();
  }
}
