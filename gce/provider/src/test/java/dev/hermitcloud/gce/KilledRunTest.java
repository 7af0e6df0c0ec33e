package dev.hermitcloud.gce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermitcloud.DeploymentDefinition;
import dev.hermitcloud.EngineOptions;
import dev.hermitcloud.Hermit;
import dev.hermitcloud.gce.fake.FakeGce;
import dev.hermitcloud.progress.ProgressEvent;
import dev.hermitcloud.spec.MachineType;
import dev.hermitcloud.spec.Port;
import dev.hermitcloud.testkit.FastEngine;
import dev.hermitcloud.unikernel.Unikernel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's killed runs: a deploy in a child JVM is killed with SIGKILL (by its PID) after its k-th
 * mutating request, k cycling through every request of a fresh deploy, and a re-run here converges with
 * nothing created twice; the killed run's lock (1 s ttl) is taken over once it expires. Prints the figures
 * for the notes.
 *
 * <p>Each child JVM spends seconds starting the Google clients, so the test command kills after each
 * request once; {@code -Dhermit.race.rounds=100} runs the hundred rounds that the note reports.
 */
class KilledRunTest {
  private static final EngineOptions SHORT_LOCK = KilledDeployChild.shortLock();
  private static final int AHEAD = 2;

  @TempDir
  Path dir;

  @Test
  void aDeployKilledAtEachStepIsCompletedByTheNextRun() throws Exception {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    Instant start = Instant.now();
    int converged = 0;
    int duplicates = 0;
    int takenOver = 0;
    try (FakeGce fake = GceFixture.fake().start()) {
      Unikernel echo = GceFixture.unikernel(dir, "kg", 64 * 1024, 1);
      Gce target = GceFixture.target(fake);
      int steps = stepsOfAFreshDeploy(fake, echo, target);
      int rounds = Integer.getInteger("hermit.race.rounds", steps);
      // the next children start their clients while this round re-runs and destroys
      Deque<Child> ready = new ArrayDeque<>();
      try {
        for (int round = 0; round < rounds; round++) {
          while (ready.size() < Math.min(AHEAD, rounds - round)) {
            ready.add(Child.start(fake, dir));
          }
          Child child = ready.remove();
          child.awaitReady();
          Map<String, Integer> before = fake.stats().creations();
          child.killAfter(fake, round % steps + 1);

          long notices = tookOver(events);
          deploy(echo, target).onProgress(events::add).apply().close();
          takenOver += (int) (tookOver(events) - notices);
          boolean same = !deploy(echo, target).plan().hasChanges();
          int dup = 0;
          for (var entry : fake.stats().creations().entrySet()) {
            if (!entry.getKey().contains(GceLocks.FOLDER) && entry.getValue() - before.getOrDefault(entry.getKey(), 0) > 1) {
              dup++;
            }
          }
          duplicates += dup;
          if (same && dup == 0) {
            converged++;
          }
          Hermit.destroy("kg").engineOptions(SHORT_LOCK).retry(FastEngine.RETRY).on(target);
        }
      } finally {
        ready.forEach(c -> c.process().destroyForcibly()); // only the children this test started
      }
      System.out.printf("race gce kill-9-then-rerun: rounds=%d (kill after each of %d requests) converged=%d"
          + " duplicates=%d lock-taken-over=%d took=%d s%n", rounds, steps, converged, duplicates, takenOver,
          Duration.between(start, Instant.now()).toSeconds());
      assertThat(converged).isEqualTo(rounds);
    }
    assertThat(duplicates).isZero();
  }

  private static DeploymentDefinition.WithCreate deploy(Unikernel echo, Gce target) {
    return Hermit.deploy(echo).to(target).engineOptions(SHORT_LOCK).retry(FastEngine.RETRY)
        .machineType(MachineType.atLeast(1, 512)).expose(Port.tcp(8000)).from("0.0.0.0/0");
  }

  private static long tookOver(List<ProgressEvent> events) {
    return events.stream().filter(e -> e instanceof ProgressEvent.Notice n && n.message().contains("took over")).count();
  }

  /** How many mutating requests a fresh deploy makes, so that the kills cover each of them. */
  private static int stepsOfAFreshDeploy(FakeGce fake, Unikernel echo, Gce target) {
    long base = fake.stats().mutatingRequests();
    deploy(echo, target).apply().close();
    int steps = (int) (fake.stats().mutatingRequests() - base);
    Hermit.destroy("kg").engineOptions(SHORT_LOCK).retry(FastEngine.RETRY).on(target);
    return steps;
  }

  /** One {@link KilledDeployChild} JVM, killed by its own PID only. */
  private record Child(Process process, BufferedReader out) {
    static Child start(FakeGce fake, Path dir) throws IOException {
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), KilledDeployChild.class.getName(),
          fake.endpoint().toString(), dir.toString(), "kg").redirectErrorStream(true).start();
      return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    void awaitReady() throws IOException {
      StringBuilder seen = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) {
        if (line.equals("ready")) {
          return;
        }
        seen.append(line).append('\n');
      }
      throw new IllegalStateException("the child ended before it was ready:\n" + seen);
    }

    /** Lets the child deploy, and kills it once the fake has seen {@code requests} more mutating requests. */
    void killAfter(FakeGce fake, int requests) throws Exception {
      long base = fake.stats().mutatingRequests();
      try {
        OutputStream in = process.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        while (process.isAlive() && fake.stats().mutatingRequests() < base + requests) {
          Thread.sleep(1);
        }
      } finally {
        process.destroyForcibly(); // SIGKILL to this PID only
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
