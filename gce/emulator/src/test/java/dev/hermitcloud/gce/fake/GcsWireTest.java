package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.hermitcloud.emulator.fault.Fault;
import dev.hermitcloud.emulator.fault.FaultRule;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real google-cloud-storage client against the fake: buckets, uploads, reads, lists. */
class GcsWireTest {
  private static final String PROJECT = "gcs-project";
  private static final String BUCKET = "artifacts";

  private FakeGce fake;
  private Storage storage;

  @BeforeEach
  void start() throws Exception {
    fake = FakeGce.builder().project(PROJECT).bucket(BUCKET).start();
    storage = FakeGceClients.storage(fake, PROJECT);
  }

  @AfterEach
  void stop() throws Exception {
    storage.close();
    fake.close();
  }

  @Test
  void bucketsCanBeReadAndCreated() {
    assertThat(storage.get(BUCKET).getName()).isEqualTo(BUCKET);
    assertThat(storage.get("no-such-bucket")).isNull();

    Bucket created = storage.create(BucketInfo.newBuilder("fresh-bucket")
        .setLocation("us-central1").build());

    assertThat(created.getLocation()).isEqualTo("US-CENTRAL1");
    assertThat(fake.buckets()).containsExactly(BUCKET, "fresh-bucket");
    assertThatThrownBy(() -> storage.create(BucketInfo.of("fresh-bucket")))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).getCode()).isEqualTo(409));
  }

  @Test
  void smallUploadsArriveGzippedAndAreStoredAsSent() {
    byte[] hello = "hello, fake".getBytes(StandardCharsets.UTF_8);
    BlobInfo info = BlobInfo.newBuilder(BUCKET, "notes/hello.txt")
        .setContentType("text/plain").setMetadata(Map.of("hermit-spec", "abc")).build();

    Blob blob = storage.create(info, hello, Storage.BlobTargetOption.doesNotExist());

    assertThat(blob.getSize()).isEqualTo(hello.length);
    assertThat(blob.getMetadata()).containsEntry("hermit-spec", "abc");
    FakeObject stored = fake.object(BUCKET, "notes/hello.txt").orElseThrow();
    assertThat(stored.bytes()).isEqualTo(hello);
    assertThat(stored.contentType()).isEqualTo("text/plain");
    assertThat(blob.getCrc32c()).isEqualTo(stored.crc32c());
    assertThatThrownBy(() -> storage.create(info, hello, Storage.BlobTargetOption.doesNotExist()))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).getCode()).isEqualTo(412));
    assertThat(fake.stats().creations("object", BUCKET + "/notes/hello.txt")).isEqualTo(1);
  }

  @Test
  void objectsWithSlashesCanBeReadListedAndDeleted() throws Exception {
    for (String name : List.of("dir/a.txt", "dir/b.txt", "other.txt")) {
      storage.create(BlobInfo.newBuilder(BUCKET, name).build(),
          name.getBytes(StandardCharsets.UTF_8));
    }

    assertThat(storage.get(BlobId.of(BUCKET, "dir/a.txt")).getName()).isEqualTo("dir/a.txt");
    List<String> listed = new ArrayList<>();
    storage.list(BUCKET, Storage.BlobListOption.prefix("dir/")).iterateAll()
        .forEach(b -> listed.add(b.getName()));
    assertThat(listed).containsExactly("dir/a.txt", "dir/b.txt");
    assertThat(new String(storage.readAllBytes(BlobId.of(BUCKET, "dir/b.txt")),
        StandardCharsets.UTF_8)).isEqualTo("dir/b.txt");
    assertThat(read(BlobId.of(BUCKET, "other.txt"))).isEqualTo("other.txt");

    assertThat(storage.delete(BlobId.of(BUCKET, "dir/a.txt"))).isTrue();
    assertThat(storage.get(BlobId.of(BUCKET, "dir/a.txt"))).isNull();
    assertThat(storage.delete(BlobId.of(BUCKET, "dir/a.txt"))).isFalse();
  }

  @Test
  void aLargeResumableUploadResumesAfterADroppedChunk() throws Exception {
    byte[] data = new byte[40 * 1024 * 1024 + 12345];
    new Random(42).nextBytes(data);
    FaultRule lost = fake.faults().add(FaultRule.on("PUT", RouteTemplates.OBJECT_UPLOADS)
        .skipFirst(1).inject(GceFaults.uploadChunkLost(0.5)));

    try (WriteChannel writer = storage.writer(BlobInfo.newBuilder(BUCKET, "disk.tar.gz").build(),
        Storage.BlobWriteOption.doesNotExist())) {
      for (int at = 0; at < data.length; at += 1 << 20) {
        writer.write(ByteBuffer.wrap(data, at, Math.min(1 << 20, data.length - at)));
      }
    }

    assertThat(lost.fired()).isEqualTo(1);
    FakeObject stored = fake.object(BUCKET, "disk.tar.gz").orElseThrow();
    assertThat(stored.size()).isEqualTo(data.length);
    assertThat(stored.bytes()).isEqualTo(data);
    assertThat(fake.stats().requests("PUT", RouteTemplates.OBJECT_UPLOADS)).isGreaterThanOrEqualTo(4);
    assertThat(fake.stats().creations("object", BUCKET + "/disk.tar.gz")).isEqualTo(1);
  }

  @Test
  void aLostAnswerToTheLastChunkIsRecoveredFromTheFinishedSession() throws Exception {
    byte[] data = new byte[20 * 1024 * 1024];
    new Random(7).nextBytes(data);
    FaultRule lost = fake.faults().add(FaultRule.on("PUT", RouteTemplates.OBJECT_UPLOADS)
        .skipFirst(1).inject(Fault.responseLost()));

    try (WriteChannel writer = storage.writer(BlobInfo.newBuilder(BUCKET, "last.bin").build(),
        Storage.BlobWriteOption.doesNotExist())) {
      writer.write(ByteBuffer.wrap(data));
    }

    assertThat(lost.fired()).isEqualTo(1);
    assertThat(fake.object(BUCKET, "last.bin").orElseThrow().bytes()).isEqualTo(data);
    assertThat(fake.stats().creations("object", BUCKET + "/last.bin")).isEqualTo(1);
  }

  private String read(BlobId id) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ReadChannel reader = storage.reader(id)) {
      ByteBuffer buffer = ByteBuffer.allocate(4);
      while (reader.read(buffer) >= 0) {
        buffer.flip();
        out.write(buffer.array(), 0, buffer.limit());
        buffer.clear();
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
