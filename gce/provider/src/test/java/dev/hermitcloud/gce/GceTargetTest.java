package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermitcloud.InvalidSpecException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Gce.project(p).zone(z).bucket(b)}: a value, checked when built. */
class GceTargetTest {
  private static final Gce TARGET = Gce.project("my-project").zone("us-central1-c").bucket("my-bucket");

  @Test
  void describesProjectAndZoneAndUsesApplicationDefaultCredentialsByDefault() {
    assertThat(TARGET.describe()).isEqualTo("gce:my-project/us-central1-c");
    assertThat(TARGET.toString()).isEqualTo("Gce{gce:my-project/us-central1-c, bucket=my-bucket, credentials=application default}");
    assertThat(TARGET.credentialsFile()).isEmpty();
    assertThat(TARGET.uploadChunkBytes()).isEqualTo(Gce.DEFAULT_UPLOAD_CHUNK_BYTES);
  }

  @Test
  void settersReturnNewValues() {
    Gce fake = TARGET.endpoint("http://127.0.0.1:8089").createBucket("us-central1");

    assertThat(TARGET.endpoint()).isEmpty();
    assertThat(fake.describe()).isEqualTo("gce:my-project/us-central1-c via http://127.0.0.1:8089");
    assertThat(fake.toString()).contains("credentials=none").contains("created in us-central1");
    assertThat(fake).isEqualTo(TARGET.endpoint("http://127.0.0.1:8089").createBucket("us-central1"));
  }

  @Test
  void badValuesNameTheirField(@TempDir Path dir) {
    expectField("target.project", () -> Gce.project("My_Project").zone("us-central1-c").bucket("b1"));
    expectField("target.zone", () -> Gce.project("my-project").zone("us-central1").bucket("b1"));
    expectField("target.bucket", () -> Gce.project("my-project").zone("us-central1-c").bucket("B"));
    expectField("target.endpoint", () -> TARGET.endpoint("ftp://127.0.0.1"));
    expectField("target.bucketLocation", () -> TARGET.createBucket("us central"));
    expectField("target.uploadChunkBytes", () -> TARGET.uploadChunkBytes(1000));
    expectField("target.credentialsFile", () -> TARGET.credentialsFile(dir.resolve("missing-key.json")));
  }

  @Test
  void aMissingValueFailsAtTheCallThatPassedItNamingTheField() {
    assertThatThrownBy(() -> Gce.project(null)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("target.project"));
    Gce.WithZone project = Gce.project("p-project");
    assertThatThrownBy(() -> project.zone(null)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e).hasMessage("target.zone: (missing) is required: give a zone such as us-central1-c"
            + " (see gcloud compute zones list)"));
    Gce.WithBucket zone = project.zone("us-central1-c");
    assertThatThrownBy(() -> zone.bucket(null)).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo("target.bucket"));
  }

  private static void expectField(String field, Supplier<Gce> build) {
    assertThatThrownBy(build::get).isInstanceOfSatisfying(InvalidSpecException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }
}
