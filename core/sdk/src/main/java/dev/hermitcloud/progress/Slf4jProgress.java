package dev.hermitcloud.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each event: failures and retries at WARN, byte counts and polls at DEBUG, the rest at INFO. */
final class Slf4jProgress implements ProgressListener {
  private static final Logger LOG = LoggerFactory.getLogger("dev.hermitcloud.progress");

  @Override
  public void on(ProgressEvent event) {
    String text = EventText.of(event);
    if (event instanceof ProgressEvent.StepFailed || event instanceof ProgressEvent.RetryScheduled) {
      LOG.warn(text);
    } else if (event instanceof ProgressEvent.BytesTransferred || event instanceof ProgressEvent.OperationPolled
        || event instanceof ProgressEvent.HealthCheckAttempt) {
      LOG.debug(text);
    } else {
      LOG.info(text);
    }
  }
}
