package dev.hermitcloud.openstack.fake;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of API calls by {@code METHOD /path/{template}}, and of those that may change state.
 * Every call is counted as it arrives, whether it then succeeds, fails or is faulted.
 */
final class RequestStats {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final AtomicInteger mutating = new AtomicInteger();

  void record(String key, boolean isMutating) {
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (isMutating) {
      mutating.incrementAndGet();
    }
  }

  /** A sorted copy of the counts. */
  Map<String, Integer> counts() {
    Map<String, Integer> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.intValue()));
    return copy;
  }

  int count(String key) {
    LongAdder adder = counts.get(key);
    return adder == null ? 0 : adder.intValue();
  }

  int mutating() {
    return mutating.get();
  }

  void reset() {
    counts.clear();
    mutating.set(0);
  }
}
