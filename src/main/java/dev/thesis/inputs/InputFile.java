package dev.thesis.inputs;

import dev.thesis.diag.DisplayPath;
import dev.thesis.diag.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An input file and the SHA-256 of the bytes read from it, so that a report says exactly what it
 * was made from.
 *
 * @param name the path within its input folder (the file name for a file given directly): what two
 *     reports' inputs are matched by, wherever the folders were
 */
public record InputFile(String kind, String name, String file, String sha256) {

  /** The file {@code read} found under {@code root} (a folder, or the file itself). */
  public static InputFile of(String kind, Path root, FileDigest read) {
    Path r = root.toAbsolutePath().normalize();
    Path p = read.path().toAbsolutePath().normalize();
    String name =
        (Files.isDirectory(r) && p.startsWith(r) ? r.relativize(p) : p.getFileName())
            .toString()
            .replace('\\', '/');
    return new InputFile(kind, name, DisplayPath.of(read.path()), read.sha256());
  }
}
