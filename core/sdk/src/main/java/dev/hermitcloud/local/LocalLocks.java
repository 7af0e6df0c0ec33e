package dev.hermitcloud.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermitcloud.provider.DeploymentLocks;
import dev.hermitcloud.provider.LockHolder;
import dev.hermitcloud.provider.LockLease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployment locks in the state directory: {@code locks/<deployment>.lock} is held with an
 * operating-system lock ({@link FileChannel#tryLock}), so the lock dies with its process however it
 * ends, and {@code locks/<deployment>.json} holds the lease for the message a second writer shows. Expiry
 * matters less here than on a cloud: a live holder keeps its OS lock even when it stops renewing, so only
 * breaking the lock (deleting the files, so that the next writer locks a new file) frees it from a hung
 * process.
 *
 * <p>Two rules come from POSIX record locks, which the JDK uses on Linux: closing any descriptor of the
 * file drops every lock the process holds on it, so this JVM opens each lock file once (a JVM-wide table
 * of held files answers for the others) and never reads it; and the file that is locked must still be the
 * one at the path, which is checked by inode before and after locking (a deletion in between means the
 * lock was released or broken, and counts for nothing).
 */
final class LocalLocks implements DeploymentLocks {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The lock files this JVM holds, by absolute path: opened once, see above. */
  private static final Map<Path, Held> HELD = new ConcurrentHashMap<>();

  /** The lease as the file holds it. */
  private record Stored(String deployment, String user, String host, long pid, String runId, String since, String expires) {
    static Stored of(LockLease lease) {
      LockHolder h = lease.holder();
      return new Stored(lease.deployment(), h.user(), h.host(), h.pid(), h.runId(), lease.since().toString(),
          lease.expires().toString());
    }

    LockLease lease() {
      return new LockLease(deployment, new LockHolder(user, host, pid, runId), Instant.parse(since), Instant.parse(expires), runId);
    }
  }

  /** A lock file this JVM holds: the open channel keeps the OS lock on the inode {@code inode}. */
  private record Held(FileChannel channel, Object inode, LockLease lease) {}

  private final Path dir;

  LocalLocks(Path stateDir) {
    this.dir = stateDir.toAbsolutePath().normalize().resolve("locks");
  }

  private Path lockFile(String deployment) {
    return dir.resolve(deployment + ".lock");
  }

  private Path leaseFile(String deployment) {
    return dir.resolve(deployment + ".json");
  }

  @Override
  public Optional<LockLease> acquire(String deployment, LockHolder holder, Instant since, Instant expires)
      throws IOException {
    Optional<LockLease> taken = lock(new LockLease(deployment, holder, since, expires, holder.runId()));
    return taken.isPresent() ? taken : read(deployment);
  }

  @Override
  public Optional<LockLease> replace(LockLease current, LockHolder holder, Instant since, Instant expires)
      throws IOException {
    LockLease next = new LockLease(current.deployment(), holder, since, expires, holder.runId());
    Path file = lockFile(current.deployment());
    synchronized (HELD) {
      Held mine = HELD.get(file);
      if (mine == null) {
        // a takeover: possible only when no live process holds the OS lock
        return lock(next);
      }
      if (!mine.lease().equals(current)) {
        return Optional.empty();
      }
      if (!mine.inode().equals(inode(file))) {
        // broken (deleted) while held: this lock counts for nothing now
        unlock(file);
        return Optional.empty();
      }
      writeLease(next);
      HELD.put(file, new Held(mine.channel(), mine.inode(), next));
      return Optional.of(next);
    }
  }

  @Override
  public void release(LockLease lease) throws IOException {
    Path file = lockFile(lease.deployment());
    synchronized (HELD) {
      Held mine = HELD.get(file);
      if (mine == null || !mine.lease().equals(lease)) {
        return;
      }
      if (mine.inode().equals(inode(file))) {
        // delete first, unlock after: a writer that locks the old file meanwhile finds it gone and tries again
        Files.deleteIfExists(leaseFile(lease.deployment()));
        Files.deleteIfExists(file);
      }
      unlock(file);
    }
  }

  @Override
  public Optional<LockLease> breakLock(String deployment) throws IOException {
    synchronized (HELD) {
      Optional<LockLease> current = read(deployment);
      Files.deleteIfExists(leaseFile(deployment));
      Files.deleteIfExists(lockFile(deployment));
      unlock(lockFile(deployment));
      return current;
    }
  }

  /** Takes the OS lock and writes {@code lease}; empty when another process, or this JVM, holds it. */
  private Optional<LockLease> lock(LockLease lease) throws IOException {
    Path file = lockFile(lease.deployment());
    synchronized (HELD) {
      if (HELD.containsKey(file)) {
        return Optional.empty();
      }
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Object before = inode(file);
      FileLock lock = channel.tryLock();
      Object after = inode(file);
      if (lock == null || before == null || !before.equals(after)) {
        channel.close();
        return Optional.empty();
      }
      writeLease(lease);
      HELD.put(file, new Held(channel, after, lease));
      return Optional.of(lease);
    }
  }

  private void writeLease(LockLease lease) throws IOException {
    Path target = leaseFile(lease.deployment());
    Path tmp = target.resolveSibling(target.getFileName() + "." + lease.holder().runId() + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(Stored.of(lease)));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The lease the lease file holds; empty when there is none or it belongs to a lock already gone. */
  private Optional<LockLease> read(String deployment) throws IOException {
    try {
      String text = Files.readString(leaseFile(deployment), StandardCharsets.UTF_8);
      return text.isBlank() ? Optional.empty() : Optional.of(JSON.readValue(text, Stored.class).lease());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The inode at {@code file} without opening it (opening and closing would drop our OS lock); null if none. */
  private static Object inode(Path file) throws IOException {
    try {
      return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static void unlock(Path file) throws IOException {
    Held mine = HELD.remove(file);
    if (mine != null) {
      mine.channel().close();
    }
  }
}
