package dev.hermitcloud.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Faults to inject into {@link InMemoryProvider} calls, matched by the call's description prefix
 * ({@code "create instance"}, {@code "poll"}, {@code "read"}...). A fault either fails the call before it
 * does anything, or lets it take effect and then fails it (a lost response).
 */
public final class FaultPlan {
  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  /** A rule: the next {@code times} calls whose description starts with {@code prefix} fail. */
  public FaultPlan fail(String prefix, int times, Supplier<Exception> error) {
    rules.add(new Rule(prefix, new AtomicInteger(times), error, false));
    return this;
  }

  /** Like {@link #fail}, but the call takes effect before the error is thrown. */
  public FaultPlan loseResponse(String prefix, int times, Supplier<Exception> error) {
    rules.add(new Rule(prefix, new AtomicInteger(times), error, true));
    return this;
  }

  public void clear() {
    rules.clear();
  }

  /** The rule that fires for this call, if any; consumes one of its uses. */
  Rule match(String call) {
    for (Rule rule : rules) {
      if (call.startsWith(rule.prefix) && rule.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return rule;
      }
    }
    return null;
  }

  record Rule(String prefix, AtomicInteger remaining, Supplier<Exception> error, boolean afterEffect) {}
}
