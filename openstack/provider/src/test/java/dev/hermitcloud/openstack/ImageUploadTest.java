package dev.hermitcloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import dev.hermitcloud.image.DiskImage;
import dev.hermitcloud.openstack.fake.FakeOpenStack;
import dev.hermitcloud.openstack.fake.FakeResource;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.resource.ResourceKind;
import dev.hermitcloud.unikernel.Unikernel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches Glance: qcow2 about the size of the files on the disk, raw the whole disk. */
class ImageUploadTest {
  private static final long GIB = 1L << 30;
  private static final int MODULE_BYTES = 3 << 20;

  @TempDir
  Path dir;

  private FakeOpenStack cloud;
  private Fixture f;
  private Unikernel echo;

  @BeforeEach
  void start() throws Exception {
    cloud = FakeClouds.quick().start();
    f = new Fixture(dir);
    echo = f.unikernel("echo", 1, MODULE_BYTES);
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  @Test
  void qcow2CarriesOnlyTheWrittenClustersAndTheImageIsMarked() throws Exception {
    f.deploy(FakeClouds.password(cloud), echo).apply().close();

    FakeResource image = cloud.images().get(0);
    long size = image.fields().path("size").asLong();
    long written = DiskImage.of(echo, 1).allocatedBytes();
    assertThat(size).isBetween(written, written + (1 << 20)).isLessThan(GIB / 100);
    assertThat(image.fields().path("virtual_size").asLong()).isEqualTo(GIB);
    assertThat(image.field("disk_format")).isEqualTo("qcow2");
    assertThat(image.field("container_format")).isEqualTo("bare");
    assertThat(image.field("visibility")).isEqualTo("private");
    assertThat(image.field("hermit-deployment")).isEqualTo("echo");
    assertThat(image.field(GlanceImages.CONTENT_KEY)).isNotBlank();
    assertThat(lastReported()).isEqualTo(size);
  }

  @Test
  void rawCarriesTheWholeDisk() throws Exception {
    f.deploy(FakeClouds.password(cloud).imageFormat(ImageFormat.RAW), echo).apply().close();

    FakeResource image = cloud.images().get(0);
    assertThat(image.fields().path("size").asLong()).isEqualTo(GIB);
    assertThat(image.field("disk_format")).isEqualTo("raw");
    assertThat(lastReported()).isEqualTo(GIB);
  }

  @Test
  void anUploadCutOffIsSentAgainNotLeftQueued() throws Exception {
    cloud.faults().add(FaultRule.on("PUT /image/v2/images/{id}/file").inject(Fault.connectionReset()));

    f.deploy(FakeClouds.password(cloud), echo).apply().close();

    assertThat(cloud.images()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("active"));
    assertThat(cloud.requestCount("PUT /image/v2/images/{id}/file")).isEqualTo(2);
    assertThat(cloud.creationCount("image", cloud.images().get(0).name())).isEqualTo(1);
  }

  private long lastReported() {
    return f.events.stream().filter(e -> e instanceof ProgressEvent.BytesTransferred b && b.kind() == ResourceKind.IMAGE)
        .map(e -> ((ProgressEvent.BytesTransferred) e).bytes()).reduce((a, b) -> b).orElse(-1L);
  }
}
