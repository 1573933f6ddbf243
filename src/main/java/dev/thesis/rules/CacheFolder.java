package dev.thesis.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled-rules cache holds Java objects and class bytes that are deserialized and loaded, so
 * it gets the daemon folder's checks: it is the user's own, and no one else may write to it (or to
 * the folder above it, which could swap it).
 */
final class CacheFolder {
  private static final Set<PosixFilePermission> OTHERS_WRITE =
      Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private CacheFolder() {}

  /**
   * Why {@code dir} must not be used, or empty when it may. The folder and the one above it (when
   * they exist) must be real folders, not links, owned by {@code user}, and not writable by others.
   */
  static Optional<String> refusal(Path dir, String user) {
    Path abs = dir.toAbsolutePath().normalize();
    for (Path p : new Path[] {abs, abs.getParent()}) {
      if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(p + " is not a folder (or is a link)");
        }
        String owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(user)) {
          return Optional.of(p + " belongs to " + owner + ", not " + user);
        }
        Set<PosixFilePermission> perms =
            Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (perms.stream().anyMatch(OTHERS_WRITE::contains)) {
          return Optional.of(p + " is writable by other users");
        }
      } catch (IOException | UnsupportedOperationException e) {
        return Optional.of(p + " cannot be checked: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** Makes the folder, private to the user, when it is missing. */
  static void create(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // Another run made it first.
    }
  }
}
