package dev.hermitcloud.openstack;

import dev.hermitcloud.HermitException;
import dev.hermitcloud.CloudException;
import java.time.Duration;
import java.util.Locale;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;

/**
 * openstack4j's failures as {@link CloudException}s. openstack4j throws {@link ResponseException}s with
 * the status and the service's message for reads and creates, reports deletes and uploads in an {@link
 * ActionResponse}, and hides Retry-After (so rate limits are retried on our own backoff).
 */
final class CloudErrors {
  private CloudErrors() {}

  /** {@code error} as a CloudException if it is a cloud or transport failure; unchanged otherwise. */
  static Exception translate(Exception error, Clients clients) {
    Exception translated = translateOnce(error, clients);
    if (translated instanceof CloudException cloud && cloud.status() == 401
        && !(cloud.getCause() instanceof AuthenticationException)) {
      // The token was refused during a call (expired or revoked while it was in flight; deletes and uploads
      // report it in an ActionResponse, where openstack4j does not renew): drop it, and retry with a new one.
      clients.refused();
      return CloudException.connection("the token was refused during the call (HTTP 401); retried with a new"
          + " token: " + cloud.getMessage(), cloud);
    }
    return translated;
  }

  private static Exception translateOnce(Exception error, Clients clients) {
    if (error instanceof HermitException) {
      return error;
    }
    if (isUnrenewedRefusal(error, clients)) {
      clients.refused();
      return CloudException.connection("Keystone refused the token and openstack4j cannot renew "
          + "application-credential tokens; a new one is fetched for the retry", error);
    }
    if (error instanceof AuthenticationException auth) {
      return new CloudException(401, "authentication failed: " + auth.getMessage(), null, error);
    }
    if (error instanceof ResponseException response) {
      return fromStatus(response.getStatus(), response.getMessage(), error);
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      // a body cut short escapes as JAX-RS ProcessingException; a dropped connection as an IOException
      if (t instanceof javax.ws.rs.ProcessingException || t instanceof java.io.IOException) {
        return CloudException.connection(String.valueOf(t.getMessage()), error);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return error;
  }

  /** Throws unless {@code response} reports success; {@code what} names the call and its resource. */
  static void check(ActionResponse response, String what) throws CloudException {
    if (response == null || response.isSuccess()) {
      return;
    }
    throw fromStatus(response.getCode(), what + ": " + response.getFault(), null);
  }

  private static CloudException fromStatus(int status, String message, Throwable cause) {
    if (status == 0) {
      return CloudException.connection(message, cause);
    }
    // Nova and Glance answer 413 both for rate limits (with a Retry-After openstack4j drops) and for
    // exhausted quotas; only the first is worth another try.
    Duration retryAfter = status == 413 && message != null && message.toLowerCase(Locale.ROOT).contains("rate")
        ? Duration.ZERO : null;
    return new CloudException(status, message, retryAfter, cause);
  }

  private static boolean isUnrenewedRefusal(Exception error, Clients clients) {
    if (clients.renewedByOpenstack4j()) {
      return false;
    }
    if (error instanceof AuthenticationException) {
      return true;
    }
    // openstack4j tries to renew the token with the credentials it does not have
    return error instanceof ConnectionException && String.valueOf(error.getMessage()).contains("\"auth\" is null");
  }
}
