package dev.hermitcloud.openstack.fake;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Cloud-side failures no single request causes, armed apart from the request fault rules: every
 * token expiring, the next server going to ERROR or powering off at once, the next upload ending killed. Thread-safe.
 */
public final class CloudFailures {
  /** Nova's message when the scheduler finds no host. */
  public static final String NO_VALID_HOST =
      "No valid host was found. There are not enough hosts available.";

  private final TokenStore tokens;
  private final Deque<String> serverFailures = new ArrayDeque<>();
  private int uploadsToKill;
  private int serversToPowerOff;

  CloudFailures(TokenStore tokens) {
    this.tokens = tokens;
  }

  /** Revokes every token now: the next call with any of them gets 401. */
  public void expireAllTokens() {
    tokens.revokeAll();
  }

  /** The next server booted goes to ERROR with this fault message (code 500) instead of ACTIVE. */
  public synchronized void failNextServer(String message) {
    serverFailures.add(message);
  }

  /** The next server booted goes to ERROR with {@link #NO_VALID_HOST}. */
  public void failNextServer() {
    failNextServer(NO_VALID_HOST);
  }

  /**
   * The next server booted goes ACTIVE and at once SHUTOFF, as with a unikernel that exits as soon as it
   * starts: a client polling for ACTIVE never sees it (in boot mode the guest itself decides).
   */
  public synchronized void powerOffNextServer() {
    serversToPowerOff++;
  }

  /** The next image whose data is uploaded ends {@code killed} instead of {@code active}. */
  public synchronized void killNextUpload() {
    uploadsToKill++;
  }

  /** Disarms every pending failure. */
  public synchronized void clear() {
    serverFailures.clear();
    uploadsToKill = 0;
    serversToPowerOff = 0;
  }

  synchronized String takeServerFailure() {
    return serverFailures.poll();
  }

  synchronized boolean takePowerOff() {
    if (serversToPowerOff == 0) {
      return false;
    }
    serversToPowerOff--;
    return true;
  }

  synchronized boolean takeUploadKill() {
    if (uploadsToKill == 0) {
      return false;
    }
    uploadsToKill--;
    return true;
  }
}
