package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeGce;
import dev.hermitcloud.gce.Gce;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --target gce} options. With {@code --fake=URL} they point at the {@code hermit fake-gce} there, with
 * {@code --fake} alone at the one on port 8089, or at a fake started in this process when none runs (project
 * and bucket {@code hermit-demo} unless given).
 */
final class GceTargetOptions {
  @Option(names = "--project", description = "gce: the project id.")
  String project;

  @Option(names = "--zone", defaultValue = "us-central1-c", description = "gce: the zone (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--bucket", description = "gce: the Cloud Storage bucket for disk archives.")
  String bucket;

  @Option(names = "--create-bucket", paramLabel = "LOCATION", description = "gce: create the bucket there if it is missing.")
  String createBucket;

  @Option(names = "--credentials", paramLabel = "KEY.json",
      description = "gce: a service-account key file (default: Application Default Credentials).")
  Path credentials;

  @Option(names = "--endpoint", paramLabel = "URL", description = "gce: send every call here instead of Google.")
  String endpoint;

  /** @param fake the {@code --fake} value, or null for the real GCE */
  Gce build(CommandSpec spec, String fake) {
    String projectId = project != null ? project : fake != null ? SharedFakeGce.PROJECT : null;
    String bucketName = bucket != null ? bucket : fake != null ? SharedFakeGce.BUCKET : null;
    if (projectId == null || bucketName == null) {
      throw new ParameterException(spec.commandLine(), "--target gce needs --project and --bucket (or --fake)");
    }
    Gce gce = Gce.project(projectId).zone(zone).bucket(bucketName);
    if (fake != null && endpoint != null) {
      throw new ParameterException(spec.commandLine(), "--fake and --endpoint both say where to send calls: give one");
    }
    String url = endpoint != null ? endpoint : fake != null ? fakeEndpoint(spec, fake) : null;
    if (url != null) {
      gce = gce.endpoint(url);
    }
    if (credentials != null) {
      gce = gce.credentialsFile(credentials);
    }
    return createBucket == null ? gce : gce.createBucket(createBucket);
  }

  private static String fakeEndpoint(CommandSpec spec, String fake) {
    try {
      return SharedFakeGce.endpoint(fake);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
