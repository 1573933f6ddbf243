package dev.thesis.daemon;

import dev.thesis.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where clients find daemons: a folder only this user can enter, holding a socket, a lock and a log
 * per identity. Anyone who could write there could answer a run with made-up output, so a folder
 * that is a link, or that other users can enter, is refused rather than used.
 */
public final class Rendezvous {
  private static final int MAX_SOCKET_PATH = 107;
  private static final java.time.Duration KEPT = java.time.Duration.ofDays(1);

  private final Path folder;

  private Rendezvous(Path folder) {
    this.folder = folder;
  }

  /** Opens the folder, creating it private when missing; refuses one that is not private. */
  public static Rendezvous open(Path folder) throws IOException {
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(folder.getParent());
      try {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(owner));
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // Another client made it first; it is checked below like any other.
      }
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(folder + " is not a folder (or is a link)");
    }
    String me = Environment.current().userName();
    String holder = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName();
    if (!holder.equals(me)) {
      throw new IOException(folder + " belongs to " + holder + ", not " + me);
    }
    if (!Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(owner)) {
      throw new IOException(folder + " is open to other users (it must be rwx------)");
    }
    return new Rendezvous(folder);
  }

  public Path folder() {
    return folder;
  }

  public Path socket(Identity identity) {
    return folder.resolve(identity.key() + ".sock");
  }

  public Path lock(Identity identity) {
    return folder.resolve(identity.key() + ".lock");
  }

  public Path log(Identity identity) {
    return folder.resolve(identity.key() + ".log");
  }

  Path failed(Identity identity) {
    return folder.resolve(identity.key() + ".failed");
  }

  /** Whether a socket path fits the kernel's limit (108 bytes with the final NUL, on Linux). */
  public boolean socketFits(Identity identity) {
    return socket(identity).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        <= MAX_SOCKET_PATH;
  }

  /**
   * Removes the files of daemons that are gone (a lock no process holds): the socket at once, the
   * lock and log after a day, a failure marker after its back-off. Leaves everything of a live
   * daemon (it holds its lock). Never run it in a process that holds a daemon's lock: closing the
   * probe would release it.
   *
   * @return the sockets of live daemons (or of ones starting), sorted
   */
  public java.util.List<Path> prune() throws IOException {
    java.util.List<Path> live = new java.util.ArrayList<>();
    java.util.List<Path> locks;
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      locks = files.filter(f -> f.getFileName().toString().endsWith(".lock")).sorted().toList();
    }
    for (Path lock : locks) {
      String key = lock.getFileName().toString().replace(".lock", "");
      boolean held;
      try (java.nio.channels.FileChannel channel =
              java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.WRITE);
          java.nio.channels.FileLock mine = channel.tryLock()) {
        held = mine == null;
        if (!held) {
          // A failure marker lives out its back-off; a log stays a day, to be read after a crash. A
          // lock goes only after a day unused: a daemon that opened it a moment ago and is about to
          // lock it would otherwise lock a file no longer there, unseen by the next client.
          Files.deleteIfExists(folder.resolve(key + ".sock"));
          deleteUnlessRecent(folder.resolve(key + ".failed"), Daemon.FAILED_BACKOFF);
          deleteUnlessRecent(folder.resolve(key + ".log"), KEPT);
          deleteUnlessRecent(lock, KEPT);
        }
      } catch (java.nio.file.NoSuchFileException gone) {
        continue;
      } catch (java.nio.channels.OverlappingFileLockException ours) {
        held = true; // this JVM holds it
      }
      if (held) {
        live.add(folder.resolve(key + ".sock"));
      }
    }
    return live;
  }

  private static void deleteUnlessRecent(Path file, java.time.Duration kept) throws IOException {
    try {
      if (Files.getLastModifiedTime(file)
          .toInstant()
          .isBefore(java.time.Instant.now().minus(kept))) {
        Files.deleteIfExists(file);
      }
    } catch (java.nio.file.NoSuchFileException absent) {
      // Nothing to remove.
    }
  }
}
