package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.compute.v1.DeprecationStatus;
import com.google.cloud.compute.v1.GlobalOperationsClient;
import com.google.cloud.compute.v1.GuestOsFeature;
import com.google.cloud.compute.v1.Image;
import com.google.cloud.compute.v1.ImagesClient;
import com.google.cloud.compute.v1.InsertImageRequest;
import com.google.cloud.compute.v1.ListImagesRequest;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.RawDisk;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ImagesClient against the fake: import from GCS, lifecycle, families, lists, ids. */
class ImagesWireTest {
  private static final String PROJECT = "img-project";
  private static final String BUCKET = "img-bucket";

  @TempDir static Path dir;
  private static byte[] good;
  private static byte[] wrongName;
  private static byte[] notWholeGib;
  private static byte[] notGzip;

  private FakeGce fake;
  private ImagesClient images;
  private GlobalOperationsClient operations;
  private Storage storage;

  @BeforeAll
  static void archives() throws Exception {
    DiskArchives a = new DiskArchives(dir);
    a.sparseFile("good/disk.raw", DiskArchives.GIB, 0, 1 << 20);
    good = a.tar("oldgnu", true, "-C", "good", "disk.raw");
    a.sparseFile("named/boot.img", DiskArchives.GIB, 0);
    wrongName = a.tar("oldgnu", true, "-C", "named", "boot.img");
    a.sparseFile("odd/disk.raw", DiskArchives.GIB / 2, 0);
    notWholeGib = a.tar("oldgnu", true, "-C", "odd", "disk.raw");
    notGzip = a.tar("oldgnu", false, "-C", "good", "disk.raw");
  }

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).bucket(BUCKET).start();
    images = FakeGceClients.images(fake);
    operations = FakeGceClients.globalOperations(fake);
    storage = FakeGceClients.storage(fake, PROJECT);
  }

  @AfterEach
  void stop() throws Exception {
    images.close();
    operations.close();
    storage.close();
    fake.close();
  }

  @Test
  void importsAnArchiveUploadedThroughStorageAsAReadyImage() throws Exception {
    storage.create(BlobInfo.newBuilder(BUCKET, "images/good.tar.gz").build(), good);

    Operation op = images.insertAsync(insert("good-image", url("images/good.tar.gz"))).get();

    assertThat(op.hasError()).isFalse();
    assertThat(op.getStatus()).isEqualTo(Operation.Status.DONE);
    Image image = images.get(PROJECT, "good-image");
    assertThat(image.getStatus()).isEqualTo("READY");
    assertThat(image.getDiskSizeGb()).isEqualTo(1);
    assertThat(image.getArchiveSizeBytes()).isEqualTo(good.length);
    assertThat(image.getFamily()).isEqualTo("hermit");
    assertThat(image.getLabelsMap()).containsEntry("hermit-deployment", "echo");
    assertThat(image.getGuestOsFeatures(0).getType()).isEqualTo("UEFI_COMPATIBLE");
    assertThat(image.getSelfLink()).endsWith("/projects/img-project/global/images/good-image");
  }

  @Test
  void anImageIsPendingUntilItsOperationIsDone() throws Exception {
    fake.putObject(BUCKET, "good.tar.gz", good);
    fake.operationDuration(Duration.ofMinutes(1));

    Operation started = images.insertCallable().futureCall(insert("slow", url("good.tar.gz"))).get();

    assertThat(started.getStatus()).isNotEqualTo(Operation.Status.DONE);
    assertThat(images.get(PROJECT, "slow").getStatus()).isEqualTo("PENDING");
    fake.finishOperationsNow();
    Operation done = operations.wait(PROJECT, started.getName());
    assertThat(done.getStatus()).isEqualTo(Operation.Status.DONE);
    assertThat(images.get(PROJECT, "slow").getStatus()).isEqualTo("READY");
  }

  @Test
  void badArchivesEndFailedWithTheReasonInTheOperationError() throws Exception {
    fake.putObject(BUCKET, "wrong-name.tar.gz", wrongName);
    fake.putObject(BUCKET, "half-gib.tar.gz", notWholeGib);
    fake.putObject(BUCKET, "plain.tar", notGzip);
    List<String> messages = new ArrayList<>();
    for (String[] c : new String[][] {
        {"wrong-name", "wrong-name.tar.gz"}, {"half-gib", "half-gib.tar.gz"},
        {"plain", "plain.tar"}, {"missing", "no-such-object.tar.gz"}}) {
      // a failed operation carries httpErrorStatusCode as on GCE (audit A5.2,
      // https://cloud.google.com/compute/docs/reference/rest/v1/globalOperations), so the future's get()
      // throws: read the operation itself
      Operation started = images.insertCallable().futureCall(insert(c[0], url(c[1]))).get();
      Operation op = operations.wait(PROJECT, started.getName());
      assertThat(op.hasError()).as(c[0]).isTrue();
      assertThat(op.hasHttpErrorStatusCode()).isTrue();
      messages.add(op.getError().getErrors(0).getMessage());
      assertThat(images.get(PROJECT, c[0]).getStatus()).isEqualTo("FAILED");
    }
    // GCE's own wording, doubled quotes included (audit B8, https://github.com/lf-edge/eve/pull/1289)
    assertThat(messages.get(0)).contains("was named ''boot.img''. It should be named ''disk.raw''");
    assertThat(messages.get(1)).contains("whole multiple of 1 GiB");
    assertThat(messages.get(2)).contains("not gzip");
    assertThat(messages.get(3)).contains("was not found");
  }

  @Test
  void aMissingBucketIsRefusedAtInsertAndABadTarFailsInTheOperation() throws Exception {
    assertThatThrownBy(() -> images.insertAsync(insert("nb", "https://storage.googleapis.com/no-bucket/x.tar.gz")).get())
        .hasCauseInstanceOf(InvalidArgumentException.class).rootCause()
        .hasMessageContaining("The Cloud Storage bucket 'no-bucket' is not found.").hasMessageContaining("gcsBucketNotFound");
    assertThat(fake.images(PROJECT)).isEmpty();

    fake.putObject(BUCKET, "wrong-name.tar.gz", wrongName);
    Operation op = operations.wait(PROJECT,
        images.insertCallable().futureCall(insert("bad", url("wrong-name.tar.gz"))).get().getName());
    assertThat(op.getError().getErrors(0).getCode()).isEqualTo("INVALID_IMAGE_TAR");
    assertThat(op.getHttpErrorStatusCode()).isEqualTo(400);
    assertThat(op.getHttpErrorMessage()).isEqualTo("BAD REQUEST");
    Operation missing = operations.wait(PROJECT,
        images.insertCallable().futureCall(insert("gone", url("gone.tar.gz"))).get().getName());
    assertThat(missing.getHttpErrorStatusCode()).isEqualTo(404);
    assertThat(missing.getError().getErrors(0).getMessage())
        .isEqualTo("The resource '" + url("gone.tar.gz") + "' of type 'Google Cloud Storage object' was not found.");
  }

  @Test
  void refusesAGsUrlAtInsert() {
    assertThatThrownBy(() -> images.insertAsync(insert("gs", "gs://img-bucket/good.tar.gz")).get())
        .hasCauseInstanceOf(InvalidArgumentException.class)
        // GCE's answer (audit B9, https://github.com/googleapis/google-api-go-client/issues/178) names resource.id
        .rootCause().hasMessageContaining("The provided source location was not a valid Google Cloud Storage object reference.");
    assertThatThrownBy(() -> images.insertAsync(insert("alt", "https://storage.cloud.google.com/img-bucket/good.tar.gz")).get())
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThat(fake.images(PROJECT)).isEmpty();
  }

  @Test
  void aRepeatedRequestIdAnswersTheOriginalOperationAndCreatesNothing() throws Exception {
    fake.putObject(BUCKET, "good.tar.gz", good);
    String id = UUID.randomUUID().toString();
    InsertImageRequest request = insert("once", url("good.tar.gz")).toBuilder()
        .setRequestId(id).build();

    Operation first = images.insertCallable().futureCall(request).get();
    Operation again = images.insertCallable().futureCall(request).get();

    assertThat(again.getName()).isEqualTo(first.getName());
    assertThat(fake.stats().creations("image", "once")).isEqualTo(1);
    assertThat(fake.stats().requests("POST", RouteTemplates.IMAGES)).isEqualTo(2);
    operations.wait(PROJECT, first.getName());
    InsertImageRequest fresh = request.toBuilder().setRequestId(UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> images.insertAsync(fresh).get())
        .hasCauseInstanceOf(AbortedException.class)
        .rootCause().hasMessageContaining("alreadyExists");
    InsertImageRequest bad = request.toBuilder().setRequestId("not-a-uuid").build();
    assertThatThrownBy(() -> images.insertAsync(bad).get())
        .hasCauseInstanceOf(InvalidArgumentException.class);
    assertThat(fake.stats().creations("image", "once")).isEqualTo(1);
  }

  @Test
  void familyLookupReturnsTheNewestReadyImageThatIsNotDeprecated() throws Exception {
    fake.addReadyImage(PROJECT, "app-v1", "app", 1);
    fake.addReadyImage(PROJECT, "app-v2", "app", 1);
    assertThat(images.getFromFamily(PROJECT, "app").getName()).isEqualTo("app-v2");

    Operation op = images.deprecateAsync(PROJECT, "app-v2",
        DeprecationStatus.newBuilder().setState("DEPRECATED").build()).get();

    assertThat(op.hasError()).isFalse();
    assertThat(images.getFromFamily(PROJECT, "app").getName()).isEqualTo("app-v1");
    assertThatThrownBy(() -> images.getFromFamily(PROJECT, "nobody"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void listsFilterAndPage() {
    for (String name : List.of("a-1", "a-2", "a-3", "b-1", "b-2")) {
      fake.addReadyImage(PROJECT, name, name.substring(0, 1) + "-family", 1);
    }

    List<String> all = new ArrayList<>();
    images.list(ListImagesRequest.newBuilder().setProject(PROJECT).setMaxResults(2).build())
        .iterateAll().forEach(i -> all.add(i.getName()));
    List<String> filtered = new ArrayList<>();
    images.list(ListImagesRequest.newBuilder().setProject(PROJECT).setMaxResults(2)
            .setFilter("family = \"a-family\"").build())
        .iterateAll().forEach(i -> filtered.add(i.getName()));

    assertThat(all).containsExactly("a-1", "a-2", "a-3", "b-1", "b-2");
    assertThat(filtered).containsExactly("a-1", "a-2", "a-3");
    assertThat(fake.stats().requests("GET", RouteTemplates.IMAGES)).isEqualTo(3 + 2);
  }

  @Test
  void aFilterMixingTheRegexAndTheAip160SyntaxIsRefused() {
    fake.addReadyImage(PROJECT, "a-1", "a-family", 1);
    for (String mixed : List.of("name eq a-.* AND family = \"a-family\"", "(name eq a-1) OR (name eq b-1)",
        "(name eq a-.*)(family = \"a-family\")")) {
      assertThatThrownBy(() -> images.list(ListImagesRequest.newBuilder().setProject(PROJECT).setFilter(mixed).build())
          .iterateAll().forEach(i -> { }))
          .as(mixed).isInstanceOf(InvalidArgumentException.class)
          .rootCause().hasMessageContaining("Invalid list filter expression");
    }
    List<String> regex = new ArrayList<>();
    images.list(ListImagesRequest.newBuilder().setProject(PROJECT).setFilter("(name eq a-.*)(family eq a-family)").build())
        .iterateAll().forEach(i -> regex.add(i.getName()));
    assertThat(regex).containsExactly("a-1");
  }

  @Test
  void deleteRemovesTheImage() throws Exception {
    fake.addReadyImage(PROJECT, "gone", null, 1);

    Operation op = images.deleteAsync(PROJECT, "gone").get();

    assertThat(op.hasError()).isFalse();
    assertThatThrownBy(() -> images.get(PROJECT, "gone")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> images.deleteAsync(PROJECT, "gone").get())
        .hasCauseInstanceOf(NotFoundException.class);
  }

  private static String url(String object) {
    return "https://storage.googleapis.com/" + BUCKET + "/" + object;
  }

  private static InsertImageRequest insert(String name, String source) {
    return InsertImageRequest.newBuilder()
        .setProject(PROJECT)
        .setImageResource(Image.newBuilder()
            .setName(name)
            .setFamily("hermit")
            .putLabels("hermit-deployment", "echo")
            .addGuestOsFeatures(GuestOsFeature.newBuilder().setType("UEFI_COMPATIBLE"))
            .setRawDisk(RawDisk.newBuilder().setSource(source)))
        .build();
  }
}
