package dev.hermitcloud.gce;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import dev.hermitcloud.InvalidSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

/**
 * Reads the target's credentials. Failures are reported with our own message and no cause: the
 * libraries' messages and causes may quote the key file, and credentials must never reach a log.
 */
final class GceCredentials {
  static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

  private GceCredentials() {}

  /** The credentials to send; none for a plain-http endpoint (a fake), though a key file is still checked. */
  static Credentials load(Gce target) {
    Credentials fromFile = target.credentialsFile().map(file -> keyFile(target)).orElse(null);
    if (target.plainHttp()) {
      return NoCredentials.getInstance();
    }
    return fromFile != null ? fromFile : applicationDefault();
  }

  private static Credentials keyFile(Gce target) {
    try (InputStream in = Files.newInputStream(target.credentialsFile().orElseThrow())) {
      return ServiceAccountCredentials.fromStream(in).createScoped(SCOPES);
    } catch (IOException | RuntimeException e) {
      String problem = KeyFileFields.problem(target.credentialsFile().get());
      throw new InvalidSpecException("target.credentialsFile", target.credentialsFile().get(),
          (problem.isEmpty() ? "could not be used as a service-account key (" + e.getClass().getSimpleName() + ")" : problem)
              + ": give the whole JSON key file created with 'gcloud iam service-accounts keys create'");
    }
  }

  private static Credentials applicationDefault() {
    try {
      return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Application Default Credentials are not available ("
          + e.getClass().getSimpleName() + "): run 'gcloud auth application-default login', set"
          + " GOOGLE_APPLICATION_CREDENTIALS, or use Gce...credentialsFile(path)");
    }
  }
}
