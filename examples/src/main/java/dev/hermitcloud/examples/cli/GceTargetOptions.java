package dev.hermitcloud.examples.cli;

import dev.hermitcloud.gce.Gce;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --target gce} options. {@code --fake} points them at a fake GCE started with
 * {@code hermit fake-gce} (same defaults: port 8089, project and bucket {@code hermit-demo}).
 */
final class GceTargetOptions {
  static final int FAKE_PORT = 8089;
  static final String FAKE_PROJECT = "hermit-demo";
  static final String FAKE_BUCKET = "hermit-demo";

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

  @Option(names = "--fake", description = "gce: use the fake started by 'hermit fake-gce' (http://127.0.0.1:" + FAKE_PORT
      + ", project and bucket " + FAKE_PROJECT + ").")
  boolean fake;

  Gce build(CommandSpec spec) {
    String projectId = project != null ? project : fake ? FAKE_PROJECT : null;
    String bucketName = bucket != null ? bucket : fake ? FAKE_BUCKET : null;
    if (projectId == null || bucketName == null) {
      throw new ParameterException(spec.commandLine(), "--target gce needs --project and --bucket (or --fake)");
    }
    Gce gce = Gce.project(projectId).zone(zone).bucket(bucketName);
    String url = endpoint != null ? endpoint : fake ? "http://127.0.0.1:" + FAKE_PORT : null;
    if (url != null) {
      gce = gce.endpoint(url);
    }
    if (credentials != null) {
      gce = gce.credentialsFile(credentials);
    }
    return createBucket == null ? gce : gce.createBucket(createBucket);
  }
}
