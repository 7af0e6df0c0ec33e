package dev.hermitcloud.openstack.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The faults armed on a fake: request rules ({@link FaultRule}) plus cloud-side failures that no
 * single request causes: all tokens expiring, a server going to ERROR, an upload ending killed.
 * Thread-safe. Chance comes from one Random seeded at construction, so a run can be replayed.
 */
public final class Faults {
  /** Nova's message when the scheduler finds no host. */
  public static final String NO_VALID_HOST =
      "No valid host was found. There are not enough hosts available.";

  private final TokenStore tokens;
  private Random random;
  private final List<Armed> rules = new ArrayList<>();
  private final Deque<String> serverFailures = new ArrayDeque<>();
  private int uploadsToKill;

  Faults(TokenStore tokens, long seed) {
    this.tokens = tokens;
    this.random = new Random(seed);
  }

  /** What the faults do to one request: a delay, then maybe a rule that takes it over. */
  record Decision(Duration latency, FaultRule fired) {}

  private static final class Armed {
    final FaultRule rule;
    int remaining;
    int toLetThrough;

    Armed(FaultRule rule) {
      this.rule = rule;
      this.remaining = rule.times;
      this.toLetThrough = rule.after;
    }
  }

  public synchronized Faults add(FaultRule rule) {
    rules.add(new Armed(rule));
    return this;
  }

  /** Restarts the Random behind probabilistic faults from {@code seed}. */
  public synchronized void reseed(long seed) {
    random = new Random(seed);
  }

  /** Disarms every rule and pending failure. */
  public synchronized void clear() {
    rules.clear();
    serverFailures.clear();
    uploadsToKill = 0;
  }

  /** The rules still armed, in the order they are tried. */
  public synchronized List<FaultRule> armed() {
    return rules.stream().map(a -> a.rule).toList();
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

  /** The next image whose data is uploaded ends {@code killed} instead of {@code active}. */
  public synchronized void killNextUpload() {
    uploadsToKill++;
  }

  synchronized Decision decide(String method, String template, boolean mutating) {
    Duration latency = Duration.ZERO;
    FaultRule fired = null;
    for (Iterator<Armed> it = rules.iterator(); it.hasNext(); ) {
      Armed armed = it.next();
      FaultRule rule = armed.rule;
      boolean wanted = rule.kind == FaultRule.Kind.LATENCY || fired == null;
      if (!wanted || !rule.matches(method, template, mutating)) {
        continue;
      }
      if (armed.toLetThrough > 0) {
        armed.toLetThrough--;
        continue;
      }
      if (rule.probability < 1 && random.nextDouble() >= rule.probability) {
        continue;
      }
      if (rule.kind == FaultRule.Kind.LATENCY) {
        latency = latency.plus(rule.latency);
      } else {
        fired = rule;
      }
      if (armed.remaining > 0 && --armed.remaining == 0) {
        it.remove();
      }
    }
    return new Decision(latency, fired);
  }

  synchronized String takeServerFailure() {
    return serverFailures.poll();
  }

  synchronized boolean takeUploadKill() {
    if (uploadsToKill == 0) {
      return false;
    }
    uploadsToKill--;
    return true;
  }
}
