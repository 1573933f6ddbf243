package dev.thesis.diag;

import java.nio.file.Path;

/**
 * How input paths are shown in diagnostics and reports: relative to the working directory when
 * under it, always with '/' separators, so that reports do not depend on where the checkout lives.
 */
public final class DisplayPath {
  private DisplayPath() {}

  public static String of(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }
}
