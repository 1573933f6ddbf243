package dev.thesis.diag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Symbolic links in an output path. Only the components the user wrote are looked at: every one of
 * an absolute path, and for a relative path those below the current folder (wherever that folder
 * itself is reached through). A component that does not exist yet ends the check: it will be
 * created as a real folder.
 */
public final class PathLinks {
  private PathLinks() {}

  /** The first component of {@code written}, as written, that is a symbolic link; empty if none. */
  public static Optional<Path> firstLink(Path written) {
    Path prefix = written.getRoot();
    for (Path name : written) {
      prefix = prefix == null ? name : prefix.resolve(name);
      if (Files.isSymbolicLink(prefix)) {
        return Optional.of(prefix);
      }
      if (!Files.exists(prefix)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code written} is refused ("lnk is a symbolic link (in lnk/sub); ..."), or empty when no
   * component is a link.
   */
  public static Optional<String> refusal(Path written, String what) {
    return firstLink(written)
        .map(
            link ->
                DisplayPath.of(link)
                    + " is a symbolic link"
                    + (link.equals(written) ? "" : " (in " + DisplayPath.of(written) + ")")
                    + "; "
                    + what
                    + " never write through links: give the real folder");
  }
}
