package dev.hermitcloud.openstack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.emulator.time.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.image.v2.domain.GlanceImage;

/** Glance v2 through the real openstack4j client. */
class GlanceWireTest {
  private static FakeOpenStack cloud;
  private static OSClientV3 os;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    cloud = FakeOpenStack.builder().saveTime(java.time.Duration.ofMillis(50)).start();
    os = OpenStackClients.password(cloud);
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static Image create(String name, DiskFormat format, Map<String, String> props) {
    var builder = GlanceImage.builder().name(name).containerFormat(ContainerFormat.BARE)
        .diskFormat(format).visibility(Image.ImageVisibility.PRIVATE).minDisk(1L);
    props.forEach(builder::additionalProperty);
    return os.imagesV2().create(builder.build());
  }

  private static Image waitSettled(String id) {
    return Eventually.get(() -> os.imagesV2().get(id),
        i -> i.getStatus() != Image.ImageStatus.SAVING && i.getStatus() != Image.ImageStatus.QUEUED);
  }

  @Test
  void qcow2UploadBecomesActiveWithSizeAndChecksum() throws Exception {
    byte[] qcow2 = Qcow2Files.create(dir, "1G");
    Image image = create("hermit-qcow2", DiskFormat.QCOW2, Map.of("hermit_deployment", "echo",
        "hw_firmware_type", "bios"));
    assertThat(image.getStatus()).isEqualTo(Image.ImageStatus.QUEUED);

    ActionResponse upload = os.imagesV2().upload(image.getId(),
        Payloads.create(new java.io.ByteArrayInputStream(qcow2)), image);
    assertThat(upload.isSuccess()).as(upload.toString()).isTrue();

    Image done = waitSettled(image.getId());
    assertThat(done.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
    assertThat(done.getSize()).isEqualTo(qcow2.length);
    assertThat(done.getVirtualSize()).isEqualTo(1L << 30);
    assertThat(done.getChecksum()).hasSize(32);
    assertThat(done.getAdditionalPropertyValue("hermit_deployment")).isEqualTo("echo");
    assertThat(done.getAdditionalPropertyValue("os_hash_value")).hasSize(128);
  }

  @Test
  void nonQcow2DataUnderQcow2FormatEndsKilled() {
    Image image = create("not-really-qcow2", DiskFormat.QCOW2, Map.of());
    os.imagesV2().upload(image.getId(),
        Payloads.create(new java.io.ByteArrayInputStream(new byte[4096])), image);
    assertThat(waitSettled(image.getId()).getStatus()).isEqualTo(Image.ImageStatus.KILLED);
  }

  @Test
  void listFiltersOnPropertiesAndDeleteRemoves() {
    Image a = create("filter-a", DiskFormat.RAW, Map.of("hermit_deployment", "alpha"));
    create("filter-b", DiskFormat.RAW, Map.of("hermit_deployment", "beta"));

    List<? extends Image> alpha = os.imagesV2().list(Map.of("hermit_deployment", "alpha"));
    assertThat(alpha).extracting(Image::getName).containsExactly("filter-a");

    ActionResponse deleted = os.imagesV2().delete(a.getId());
    assertThat(deleted.isSuccess()).as(deleted.toString()).isTrue();
    assertThat(os.imagesV2().get(a.getId())).isNull();
    assertThat(os.imagesV2().list(Map.of("hermit_deployment", "alpha"))).isEmpty();
  }

  @Test
  void killFaultEndsAValidUploadKilled() throws Exception {
    cloud.failures().killNextUpload();
    Image image = create("doomed-upload", DiskFormat.QCOW2, Map.of());
    os.imagesV2().upload(image.getId(),
        Payloads.create(new java.io.ByteArrayInputStream(Qcow2Files.create(dir, "64M"))), image);
    assertThat(waitSettled(image.getId()).getStatus()).isEqualTo(Image.ImageStatus.KILLED);
  }

  @Test
  void secondUploadIsAConflict() {
    Image image = TestImages.activeRaw(os, "uploaded-once", 0);
    ActionResponse again = os.imagesV2().upload(image.getId(),
        Payloads.create(new java.io.ByteArrayInputStream(new byte[8])), image);
    assertThat(again.isSuccess()).isFalse();
    assertThat(again.getCode()).isEqualTo(409);
  }

  /** openstack4j issue #202: the patch media type is overridden by application/json. */
  @Test
  void openstack4jUpdateIsRefusedLikeGlanceRefusesItButAProperPatchWorks() throws Exception {
    Image image = create("patch-me", DiskFormat.RAW, Map.of("hermit_spec", "v1"));
    assertThatThrownBy(() -> os.imagesV2().update(image.toBuilder().name("patched").build()))
        .isInstanceOfSatisfying(ClientResponseException.class,
            e -> assertThat(e.getStatus()).isEqualTo(415));

    String ops = "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"patched\"},"
        + "{\"op\":\"replace\",\"path\":\"/hermit_spec\",\"value\":\"v2\"},"
        + "{\"op\":\"add\",\"path\":\"/extra\",\"value\":\"yes\"}]";
    HttpResponse<String> patched = RawHttp.send("PATCH",
        cloud.baseUrl() + "/image/v2/images/" + image.getId(), os.getToken().getId(), ops,
        "application/openstack-images-v2.1-json-patch");
    assertThat(patched.statusCode()).isEqualTo(200);
    Image updated = os.imagesV2().get(image.getId());
    assertThat(updated.getName()).isEqualTo("patched");
    assertThat(updated.getAdditionalPropertyValue("hermit_spec")).isEqualTo("v2");
    assertThat(updated.getAdditionalPropertyValue("extra")).isEqualTo("yes");
  }

  @Test
  void listPagesWithLimitMarkerAndNextLink() throws Exception {
    for (int i = 0; i < 3; i++) {
      create("paged-" + i, DiskFormat.RAW, Map.of("hermit_page", "yes"));
    }
    String token = os.getToken().getId();
    var first = RawHttp.json(RawHttp.send("GET",
        cloud.baseUrl() + "/image/v2/images?hermit_page=yes&limit=2", token, null));
    assertThat(first.path("images")).extracting(i -> i.path("name").asText())
        .containsExactly("paged-2", "paged-1");
    String next = first.path("next").asText();
    assertThat(next).startsWith("/v2/images?").contains("marker=");
    var second = RawHttp.json(RawHttp.send("GET", cloud.baseUrl() + "/image" + next, token, null));
    assertThat(second.path("images")).extracting(i -> i.path("name").asText())
        .containsExactly("paged-0");
    assertThat(second.has("next")).isFalse();
  }
}
