package dev.hermitcloud.examples.cli;

import dev.hermitcloud.examples.fake.SharedFakeGce;
import dev.hermitcloud.gce.Gce;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --target gce} options. With {@code --fake} they point at {@code hermit fake-gce} (port 8089,
 * project and bucket {@code hermit-demo}), or at a fake started in this process when none runs.
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

  Gce build(CommandSpec spec, boolean fake) {
    String projectId = project != null ? project : fake ? SharedFakeGce.PROJECT : null;
    String bucketName = bucket != null ? bucket : fake ? SharedFakeGce.BUCKET : null;
    if (projectId == null || bucketName == null) {
      throw new ParameterException(spec.commandLine(), "--target gce needs --project and --bucket (or --fake)");
    }
    Gce gce = Gce.project(projectId).zone(zone).bucket(bucketName);
    String url = endpoint != null ? endpoint : fake ? SharedFakeGce.endpoint() : null;
    if (url != null) {
      gce = gce.endpoint(url);
    }
    if (credentials != null) {
      gce = gce.credentialsFile(credentials);
    }
    return createBucket == null ? gce : gce.createBucket(createBucket);
  }
}
