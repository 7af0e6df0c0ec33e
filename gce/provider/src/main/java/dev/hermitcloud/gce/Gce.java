package dev.hermitcloud.gce;

import dev.hermitcloud.provider.Provider;
import dev.hermitcloud.provider.Target;
import dev.hermitcloud.internal.validation.Check;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.resource.ResourceKind;
import java.time.Duration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Google Compute Engine as a target: {@code Gce.project("my-project").zone("us-central1-c").bucket("my-bucket")}.
 * The disk archive goes to the Cloud Storage bucket, the image is imported from it, and the instances
 * run in the zone.
 *
 * <p>Credentials are Application Default Credentials ({@code gcloud auth application-default login},
 * {@code GOOGLE_APPLICATION_CREDENTIALS}, or the metadata server) unless {@link #credentialsFile} names
 * a service-account key. They are read by {@link #connect()}, never stored here, and never appear in
 * {@link #toString()}, {@link #describe()}, messages or events.
 *
 * <p>A value: every setter returns a new target.
 */
@Value.Immutable
public abstract class Gce implements Target {
  /** Default size of each resumable-upload request: a multiple of 256 KiB, held in memory to resend. */
  public static final int DEFAULT_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

  /** The autohealing check of a managed group's machines, on the deployment's health port. */
  public static final ResourceKind HEALTH_CHECK = ResourceKind.of("health-check", Duration.ofMinutes(5));
  /** What a managed group's machines are made from; immutable, so a change is a new template. */
  public static final ResourceKind INSTANCE_TEMPLATE = ResourceKind.of("instance-template", Duration.ofMinutes(5),
      ResourceKind.IMAGE);
  /**
   * A managed instance group ({@code Group.managed()}): its deadline covers a rolling update, every new
   * machine booted and found healthy.
   */
  public static final ResourceKind INSTANCE_GROUP = ResourceKind.of("instance-group", Duration.ofMinutes(30),
      INSTANCE_TEMPLATE, HEALTH_CHECK, ResourceKind.FIREWALL);
  /** The autoscaler that sizes a managed group. */
  public static final ResourceKind AUTOSCALER = ResourceKind.of("autoscaler", Duration.ofMinutes(5), INSTANCE_GROUP);
  /** A managed group over several zones of the region ({@code Group.managed().regional()}). */
  public static final ResourceKind REGIONAL_INSTANCE_GROUP = ResourceKind.of("regional-instance-group",
      Duration.ofMinutes(30), INSTANCE_TEMPLATE, HEALTH_CHECK, ResourceKind.FIREWALL);
  /** The autoscaler that sizes a regional managed group. */
  public static final ResourceKind REGIONAL_AUTOSCALER = ResourceKind.of("regional-autoscaler", Duration.ofMinutes(5),
      REGIONAL_INSTANCE_GROUP);

  private static final int UPLOAD_QUANTUM = 256 * 1024;
  private static final Pattern PROJECT = Pattern.compile("([a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
  private static final Pattern LOCATION = Pattern.compile("[A-Za-z][A-Za-z0-9-]{1,40}");

  /** The project id. */
  public abstract String project();

  /** The zone the instances run in. */
  public abstract String zone();

  /** The Cloud Storage bucket the disk archives are uploaded to. */
  public abstract String bucket();

  /** A service-account key file (JSON); Application Default Credentials when absent. */
  public abstract Optional<Path> credentialsFile();

  /**
   * Where to send Compute Engine and Cloud Storage calls instead of Google's endpoints, such as a fake
   * on {@code http://127.0.0.1:8089}. Plain-http endpoints get no credentials at all.
   */
  public abstract Optional<URI> endpoint();

  /** Where to create the bucket if it does not exist; absent means a missing bucket is an error. */
  public abstract Optional<String> bucketLocation();

  /**
   * The subnetwork the instances get their address from: a name, {@code regions/REGION/subnetworks/NAME} or
   * its URL, in the zone's region. Required on a custom-mode VPC; absent means the network's own (auto mode).
   */
  public abstract Optional<String> subnetwork();

  /** Bytes per resumable-upload request. */
  @Value.Default
  public int uploadChunkBytes() {
    return DEFAULT_UPLOAD_CHUNK_BYTES;
  }

  /** The first step: the project. */
  public static WithZone project(String project) {
    // each step checks its own value, so a null fails at the call that passed it rather than at plan()
    Check.required("target.project", project, "give the project id, such as my-project (see gcloud projects list)");
    return zone -> {
      Check.required("target.zone", zone, "give a zone such as us-central1-c (see gcloud compute zones list)");
      return bucket -> {
        Check.required("target.bucket", bucket, "give the Cloud Storage bucket for disk archives, such as my-bucket");
        return ImmutableGce.builder().project(project).zone(zone).bucket(bucket).build();
      };
    };
  }

  /** Chooses the zone. */
  @FunctionalInterface
  public interface WithZone {
    WithBucket zone(String zone);
  }

  /** Chooses the bucket the disk archives go to. */
  @FunctionalInterface
  public interface WithBucket {
    Gce bucket(String bucket);
  }

  /** Uses this service-account key file instead of Application Default Credentials. */
  public Gce credentialsFile(Path keyFile) {
    Check.required("target.credentialsFile", keyFile);
    if (!Files.isRegularFile(keyFile) || !Files.isReadable(keyFile)) {
      throw new InvalidSpecException("target.credentialsFile", keyFile,
          "is not a readable file: give the JSON key downloaded for a service account");
    }
    return ImmutableGce.builder().from(this).credentialsFile(keyFile).build();
  }

  /** Sends every call to {@code url} (such as a fake GCE on 127.0.0.1) instead of Google. */
  public Gce endpoint(String url) {
    URI uri;
    try {
      uri = URI.create(Check.required("target.endpoint", url));
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("target.endpoint", url, "is not a URL: write it as http://127.0.0.1:8089");
    }
    return ImmutableGce.builder().from(this).endpoint(uri).build();
  }

  /** Creates the bucket in {@code location} (such as {@code us-central1} or {@code US}) when it does not exist. */
  public Gce createBucket(String location) {
    return ImmutableGce.builder().from(this).bucketLocation(Check.required("target.bucketLocation", location)).build();
  }

  /**
   * Puts the instances on this subnetwork, as a custom-mode VPC requires:
   * {@code Gce.project("p").zone("us-central1-c").bucket("b").subnetwork("apps-us-central1")}, with the
   * network named on the deployment ({@code .network("apps-vpc")}).
   */
  public Gce subnetwork(String subnetwork) {
    return ImmutableGce.builder().from(this).subnetwork(Check.required("target.subnetwork", subnetwork)).build();
  }

  /** Sets the bytes per resumable-upload request (a multiple of 256 KiB). */
  public Gce uploadChunkBytes(int bytes) {
    return ImmutableGce.builder().from(this).uploadChunkBytes(bytes).build();
  }

  /** Whether calls go to a plain-http endpoint (a fake), which gets no credentials. */
  boolean plainHttp() {
    return endpoint().map(u -> "http".equals(u.getScheme())).orElse(false);
  }

  @Override
  public String describe() {
    return "gce:" + project() + "/" + zone() + endpoint().map(u -> " via " + u).orElse("");
  }

  @Override
  public Provider connect() throws Exception {
    GceClients clients = GceClients.open(this);
    return new GceProvider(this, clients);
  }

  @Override
  public String toString() {
    String credentials = plainHttp() ? "none" : credentialsFile().isPresent() ? "service-account key file"
        : "application default";
    return "Gce{" + describe() + ", bucket=" + bucket() + bucketLocation().map(l -> " (created in " + l + ")").orElse("")
        + ", credentials=" + credentials + "}";
  }

  @Value.Check
  protected void check() {
    if (!PROJECT.matcher(project()).matches()) {
      throw new InvalidSpecException("target.project", project(),
          "is not a project id: 6-30 characters of a-z, 0-9 and '-', starting with a letter (see gcloud projects list)");
    }
    if (!ZONE.matcher(zone()).matches()) {
      throw new InvalidSpecException("target.zone", zone(), "is not a zone such as us-central1-c (see gcloud compute zones list)");
    }
    if (!BUCKET.matcher(bucket()).matches() || bucket().contains("..") || !bucket().contains(".") && bucket().length() > 63) {
      throw new InvalidSpecException("target.bucket", bucket(),
          "is not a bucket name: 3-63 characters of a-z, 0-9, '-', '_' and '.', starting and ending with a letter or digit");
    }
    endpoint().ifPresent(u -> {
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new InvalidSpecException("target.endpoint", u, "is not an http(s) URL with a host: write it as http://127.0.0.1:8089");
      }
    });
    bucketLocation().ifPresent(l -> {
      if (!LOCATION.matcher(l).matches()) {
        throw new InvalidSpecException("target.bucketLocation", l, "is not a Cloud Storage location such as US or us-central1");
      }
    });
    subnetwork().ifPresent(s -> GceNetworkRefs.subnetwork(this, s));
    if (uploadChunkBytes() < UPLOAD_QUANTUM || uploadChunkBytes() % UPLOAD_QUANTUM != 0) {
      throw new InvalidSpecException("target.uploadChunkBytes", uploadChunkBytes(),
          "must be a positive multiple of 256 KiB (262144), as Cloud Storage requires");
    }
  }
}
